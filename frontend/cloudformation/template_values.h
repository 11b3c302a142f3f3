// Small readers shared by the section readers: a section value as a string, a name list, and
// the check CloudFormation applies to logical IDs.
#pragma once

#include "ir/diagnostics.h"
#include "ir/expr.h"
#include "ir/located_name.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pm::frontend {

// Logical IDs of parameters, resources and outputs are alphanumeric (A-Za-z0-9).
bool isValidLogicalId(std::string_view id);
void checkLogicalId(const std::string& id, const ir::SourceLocation& location,
                    std::string_view what, ir::Diagnostics& diagnostics);

// A literal scalar's text (strings, numbers and booleans as written); null otherwise.
std::optional<std::string> scalarText(const ir::ExprPtr& value);

// A literal string, or a PRS008 error naming `what` and nothing.
std::optional<std::string> requireString(const ir::ExprPtr& value, std::string_view what,
                                         ir::Diagnostics& diagnostics);

// A string or a list of strings (DependsOn, Transform), each with its location.
std::vector<ir::LocatedName> readNameList(const ir::ExprPtr& value, std::string_view what,
                                          ir::Diagnostics& diagnostics);

void reportUnknownKey(const ir::MapEntry& entry, std::string_view where, std::string_view expected,
                      ir::Diagnostics& diagnostics);

} // namespace pm::frontend
