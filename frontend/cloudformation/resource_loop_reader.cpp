// Reading and expanding Fn::ForEach resource loops (see resource_loop_reader.h).
#include "frontend/cloudformation/resource_loop_reader.h"

#include "frontend/cloudformation/resource_reader.h"
#include "frontend/cloudformation/rules.h"

#include <fmt/format.h>

namespace pm::frontend {

namespace {

using ir::Expr;
using ir::ExprKind;
using ir::ExprPtr;

// One element of the loop: the identifier and what each spelling of it becomes.
struct Element {
  std::string identifier;
  std::string value;

  std::string inText(std::string text) const {
    std::string alphanumeric;
    for (char c : value)
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        alphanumeric += c;
    replaceAll(text, "${" + identifier + "}", value);
    replaceAll(text, "&{" + identifier + "}", alphanumeric);
    return text;
  }

  static void replaceAll(std::string& text, const std::string& from, const std::string& to) {
    for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size())
      text.replace(at, from.size(), to);
  }
};

std::optional<ExprPtr> substituted(const ExprPtr& node, const Element& element);

std::optional<std::vector<ExprPtr>> substitutedAll(const std::vector<ExprPtr>& nodes,
                                                   const Element& element) {
  std::vector<ExprPtr> result;
  for (const ExprPtr& node : nodes) {
    auto item = substituted(node, element);
    if (!item)
      return std::nullopt;
    result.push_back(*item);
  }
  return result;
}

std::optional<ExprPtr> substitutedMap(const ExprPtr& node, const Element& element) {
  std::vector<ir::MapEntry> entries;
  for (const ir::MapEntry& entry : node->entries()) {
    auto value = substituted(entry.value, element);
    if (!value)
      return std::nullopt;
    entries.push_back({element.inText(entry.key), entry.keyLocation, *value});
  }
  return Expr::map(std::move(entries), node->location());
}

std::optional<ExprPtr> substitutedSub(const ExprPtr& node, const Element& element) {
  ir::SubTemplate sub = node->sub();
  sub.source = element.inText(sub.source);
  for (ir::SubPart& part : sub.parts)
    if (part.kind == ir::SubPart::Kind::Variable && part.name == element.identifier &&
        part.attribute.empty())
      part = ir::SubPart{ir::SubPart::Kind::Text, element.value, "", "", part.location};
  for (ir::MapEntry& variable : sub.variables) {
    auto value = substituted(variable.value, element);
    if (!value)
      return std::nullopt;
    variable.value = *value;
  }
  return Expr::sub(std::move(sub), node->location());
}

bool takesPlainArguments(ExprKind kind) {
  return kind >= ExprKind::Join && kind <= ExprKind::Transform && kind != ExprKind::If &&
         kind != ExprKind::Condition;
}

std::optional<ExprPtr> substituted(const ExprPtr& node, const Element& element) {
  switch (node->kind()) {
  case ExprKind::String:
  case ExprKind::Number:
  case ExprKind::Bool:
  case ExprKind::Null:
  case ExprKind::Condition:
  case ExprKind::DynamicReference:
    return node;
  case ExprKind::List: {
    auto items = substitutedAll(node->items(), element);
    return items ? std::optional(Expr::list(std::move(*items), node->location())) : std::nullopt;
  }
  case ExprKind::Map:
    return substitutedMap(node, element);
  case ExprKind::Ref:
    return node->name() == element.identifier
               ? Expr::string(element.value, node->location())
               : Expr::ref(element.inText(node->name()), node->location());
  case ExprKind::GetAtt: {
    ir::GetAttTarget target = node->getAtt();
    target.logicalId = element.inText(target.logicalId);
    return Expr::getAtt(std::move(target), node->location());
  }
  case ExprKind::Sub:
    return substitutedSub(node, element);
  case ExprKind::If: {
    auto branches = substitutedAll(node->arguments(), element);
    if (!branches)
      return std::nullopt;
    return Expr::ifThen(node->name(), (*branches)[0], (*branches)[1], node->location());
  }
  default:
    break;
  }
  if (!takesPlainArguments(node->kind()))
    return std::nullopt; // a nested loop or a construct the reader could not read
  auto arguments = substitutedAll(node->arguments(), element);
  return arguments
             ? std::optional(Expr::call(node->kind(), std::move(*arguments), node->location()))
             : std::nullopt;
}

// The resources of the loop, or nothing when the collection is not a literal list of strings
// or the fragment cannot be rewritten.
std::optional<std::vector<ir::Resource>> expansion(const std::string& identifier,
                                                   const ExprPtr& collection,
                                                   const ExprPtr& fragment, bool serverless) {
  if (collection->kind() != ExprKind::List)
    return std::nullopt;
  std::vector<ir::Resource> resources;
  for (const ExprPtr& item : collection->items()) {
    if (item->kind() != ExprKind::String)
      return std::nullopt;
    auto expanded = substituted(fragment, Element{identifier, item->text()});
    if (!expanded)
      return std::nullopt;
    // Problems inside the fragment are the template's own, reported once by CloudFormation
    // for the whole loop; an element that does not read as resources leaves it unexpanded.
    ir::Diagnostics scratch;
    for (const ir::MapEntry& entry : (*expanded)->entries())
      if (auto resource = readResource(entry, serverless, scratch))
        resources.push_back(std::move(*resource));
    if (scratch.errorCount() > 0)
      return std::nullopt;
  }
  return resources;
}

} // namespace

std::optional<ir::ResourceLoopFragment> readResourceLoop(const ir::MapEntry& entry, bool serverless,
                                                         ir::Diagnostics& diagnostics) {
  const ExprPtr& value = entry.value;
  bool shaped = value->kind() == ExprKind::List && value->items().size() == 3 &&
                value->items()[0]->kind() == ExprKind::String &&
                value->items()[2]->kind() == ExprKind::Map;
  if (!shaped) {
    diagnostics.error(kTemplateStructureRule, entry.keyLocation,
                      fmt::format("'{}' must be a list of an identifier, a collection and a "
                                  "map of key templates to resources",
                                  entry.key));
    return std::nullopt;
  }
  const auto& items = value->items();
  return ir::ResourceLoopFragment{entry,
                                  expansion(items[0]->text(), items[1], items[2], serverless)};
}

} // namespace pm::frontend
