// Shared value checks for the section readers.
#include "frontend/cloudformation/template_values.h"

#include "frontend/cloudformation/rules.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace pm::frontend {

bool isValidLogicalId(std::string_view id) {
  return !id.empty() &&
         std::all_of(id.begin(), id.end(), [](unsigned char c) { return std::isalnum(c) != 0; });
}

void checkLogicalId(const std::string& id, const ir::SourceLocation& location,
                    std::string_view what, ir::Diagnostics& diagnostics) {
  if (!isValidLogicalId(id))
    diagnostics.error(kTemplateStructureRule, location,
                      fmt::format("{} name '{}' is not alphanumeric; CloudFormation allows only "
                                  "A-Z, a-z and 0-9 in logical IDs",
                                  what, id));
}

std::optional<std::string> scalarText(const ir::ExprPtr& value) {
  if (!value)
    return std::nullopt;
  switch (value->kind()) {
  case ir::ExprKind::String:
    return value->text();
  case ir::ExprKind::Number:
    return value->number().text;
  case ir::ExprKind::Bool:
    return std::string(value->boolean() ? "true" : "false");
  default:
    return std::nullopt;
  }
}

std::optional<std::string> requireString(const ir::ExprPtr& value, std::string_view what,
                                         ir::Diagnostics& diagnostics) {
  if (auto text = scalarText(value))
    return text;
  if (value)
    diagnostics.error(
        kTemplateStructureRule, value->location(),
        fmt::format("{} must be a string, found {}", what, ir::exprKindName(value->kind())));
  return std::nullopt;
}

std::vector<ir::LocatedName> readNameList(const ir::ExprPtr& value, std::string_view what,
                                          ir::Diagnostics& diagnostics) {
  std::vector<ir::LocatedName> names;
  if (!value)
    return names;
  if (value->kind() != ir::ExprKind::List) {
    if (auto name = requireString(value, what, diagnostics))
      names.push_back({*name, value->location()});
    return names;
  }
  for (const ir::ExprPtr& item : value->items())
    if (auto name = requireString(item, what, diagnostics))
      names.push_back({*name, item->location()});
  return names;
}

void reportUnknownKey(const ir::MapEntry& entry, std::string_view where, std::string_view expected,
                      ir::Diagnostics& diagnostics) {
  diagnostics.error(kTemplateStructureRule, entry.keyLocation,
                    fmt::format("unknown {} '{}'; expected one of {}", where, entry.key, expected));
}

} // namespace pm::frontend
