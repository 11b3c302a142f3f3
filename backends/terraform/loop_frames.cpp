// Keys, elements and counters of parametric loops in Terraform (see loop_frames.h).
#include "backends/terraform/loop_frames.h"

#include "ir/target_names.h"

#include <fmt/format.h>

namespace pm::tf {

namespace {

constexpr ir::NamingStyle kSnake{ir::CaseStyle::Snake, 0, "_", "_"};

// The key of the element `element` at `position` in a looped resource over the list.
std::string elementKey(std::string_view collectionKey, const std::string& element,
                       const std::string& position) {
  return keyedByName(collectionKey) ? element + ".name" : "tostring(" + position + ")";
}

} // namespace

bool keyedByName(std::string_view collectionKey) {
  return collectionKey == "service_instances";
}

std::string resourceForEach(const std::string& variable, std::string_view collectionKey,
                            const std::string& collection, const std::string& condition) {
  std::string item = ir::normaliseName(variable, kSnake);
  std::string filter = condition.empty() ? "" : " if " + condition;
  if (keyedByName(collectionKey))
    return fmt::format("{{ for {} in {} : {}.name => {}{} }}", item, collection, item, item,
                       filter);
  return fmt::format("{{ for index, {} in {} : tostring(index) => {}{} }}", item, collection, item,
                     filter);
}

LoopFrame resourceFrame(const std::string& variable, std::string collectionKey,
                        std::string collection) {
  std::string position = keyedByName(collectionKey) ? "index(" + collection + "[*].name, each.key)"
                                                    : "tonumber(each.key)";
  return LoopFrame{variable,     std::move(collectionKey), std::move(collection),
                   "each.value", std::move(position),      "each.key"};
}

LoopFrame dynamicBlockFrame(const std::string& variable, const std::string& iterator,
                            std::string collectionKey, std::string collection) {
  // A dynamic block over a list: the iterator's key is the element's index.
  std::string element = iterator + ".value";
  std::string position = iterator + ".key";
  std::string key = elementKey(collectionKey, element, position);
  return LoopFrame{variable, std::move(collectionKey), std::move(collection), element, position,
                   key};
}

LoopFrame forExpressionFrame(const std::string& variable, std::string collectionKey,
                             std::string collection) {
  std::string element = ir::normaliseName(variable, kSnake);
  std::string key = elementKey(collectionKey, element, "index");
  return LoopFrame{variable, std::move(collectionKey), std::move(collection), element, "index",
                   key};
}

std::optional<std::string> loopCounter(const LoopFrame& frame, std::string_view counter) {
  std::string length = "length(" + frame.collection + ")";
  if (counter == "index0")
    return frame.position;
  if (counter == "index")
    return "(" + frame.position + " + 1)";
  if (counter == "first")
    return "(" + frame.position + " == 0)";
  if (counter == "last")
    return "(" + frame.position + " == " + length + " - 1)";
  if (counter == "length")
    return length;
  if (counter == "revindex")
    return "(" + length + " - " + frame.position + ")";
  if (counter == "revindex0")
    return "(" + length + " - " + frame.position + " - 1)";
  return std::nullopt;
}

} // namespace pm::tf
