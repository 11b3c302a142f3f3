// Import ID formats and their placeholders.
#include "backends/terraform/import_ids.h"

#include "backends/terraform/resource_mapping.h"

#include <sstream>

namespace pm::tf {

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t at; (at = text.find(separator, start)) != std::string::npos; start = at + 1)
    parts.push_back(text.substr(start, at - start));
  parts.push_back(text.substr(start));
  return parts;
}

// {id|N}: field N of "a|b|c"; {id/N}: the last N segments of "x/y/z".
std::optional<std::string> physicalPart(const std::string& placeholder,
                                        const std::string& physicalId) {
  if (placeholder == "id")
    return physicalId;
  if (placeholder.size() < 4 || (placeholder[2] != '|' && placeholder[2] != '/'))
    return std::nullopt;
  std::size_t n = std::stoul(placeholder.substr(3));
  std::vector<std::string> parts = split(physicalId, placeholder[2]);
  if (placeholder[2] == '|')
    return n < parts.size() && parts.size() > 1 ? std::optional(parts[n]) : std::nullopt;
  if (n == 0 || n > parts.size() - 1)
    return std::nullopt;
  std::string tail;
  for (std::size_t i = parts.size() - n; i < parts.size(); ++i)
    tail += (tail.empty() ? "" : "/") + parts[i];
  return tail;
}

// A property value the dump and the deployment's inputs determine.
std::optional<std::string> valueOf(const ir::ExprPtr& value,
                                   const backends::Deployment& deployment) {
  if (!value)
    return std::nullopt;
  switch (value->kind()) {
  case ir::ExprKind::String:
    return value->text();
  case ir::ExprKind::Ref: {
    auto found = deployment.deployed->resources.find(value->name());
    if (found != deployment.deployed->resources.end())
      return found->second.physicalId;
    auto input = deployment.values.inputs.find(value->name()); // a parameter of the template
    return input == deployment.values.inputs.end() ? std::nullopt
                                                   : std::optional(input->second.text);
  }
  case ir::ExprKind::InputRef: {
    auto input = deployment.values.inputs.find(value->name());
    return input == deployment.values.inputs.end() ? std::nullopt
                                                   : std::optional(input->second.text);
  }
  case ir::ExprKind::ContextRef: {
    auto context = deployment.values.context.find(value->name());
    return context == deployment.values.context.end() ? std::nullopt
                                                      : std::optional(context->second.text);
  }
  default:
    return std::nullopt;
  }
}

// {Prop}, {Prop.N} or {A,B}: the first property the resource sets, resolved.
std::optional<std::string> propertyPart(const std::string& placeholder,
                                        const ir::Resource& resource,
                                        const backends::Deployment& deployment) {
  if (!resource.properties || resource.properties->kind() != ir::ExprKind::Map)
    return std::nullopt;
  for (const std::string& choice : split(placeholder, ',')) {
    std::vector<std::string> path = split(choice, '.');
    const ir::MapEntry* entry = resource.properties->find(path[0]);
    if (!entry)
      continue;
    ir::ExprPtr value = entry->value;
    if (path.size() > 1) {
      std::size_t index = std::stoul(path[1]);
      if (value->kind() != ir::ExprKind::List || index >= value->items().size())
        return std::nullopt;
      value = value->items()[index];
    }
    return valueOf(value, deployment);
  }
  return std::nullopt;
}

} // namespace

const ImportIdFormats& ImportIdFormats::instance() {
  static const ImportIdFormats formats = fromText(readDataFile("import-ids.txt").value_or(""));
  return formats;
}

ImportIdFormats ImportIdFormats::fromText(const std::string& text) {
  ImportIdFormats formats;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#')
      continue;
    std::size_t space = line.find(' ');
    if (space != std::string::npos)
      formats.formats_[line.substr(0, space)] = line.substr(space + 1);
  }
  return formats;
}

const std::string* ImportIdFormats::format(const std::string& terraformType) const {
  auto found = formats_.find(terraformType);
  return found == formats_.end() ? nullptr : &found->second;
}

std::string ImportIdFormats::notImportable(const std::string& terraformType) const {
  const std::string* listed = format(terraformType);
  return listed && listed->starts_with("- ") ? listed->substr(2) : std::string();
}

ImportId buildImportId(const std::string& format, const ir::Resource& resource,
                       const std::string& physicalId, const backends::Deployment& deployment) {
  std::string id;
  for (std::size_t at = 0; at < format.size();) {
    std::size_t open = format.find('{', at);
    std::size_t close = open == std::string::npos ? open : format.find('}', open);
    if (close == std::string::npos) {
      id += format.substr(at);
      break;
    }
    id += format.substr(at, open - at);
    std::string placeholder = format.substr(open + 1, close - open - 1);
    std::optional<std::string> part = placeholder.starts_with("id")
                                          ? physicalPart(placeholder, physicalId)
                                          : propertyPart(placeholder, resource, deployment);
    if (!part)
      return {"", "its import ID (" + format + ") needs " +
                      (placeholder.starts_with("id")
                           ? "a physical ID of another shape than '" + physicalId + "'"
                           : "the property " + placeholder +
                                 " as a string or a Ref to a resource of the stack")};
    id += *part;
    at = close + 1;
  }
  return {id, ""};
}

} // namespace pm::tf
