// An output of a module.
#pragma once

#include "ir/expr.h"
#include "ir/guard.h"
#include "ir/located_name.h"
#include "ir/source_location.h"

#include <optional>
#include <string>

namespace pm::ir {

struct Output {
  std::string name;
  ExprPtr value;
  std::string description;
  ExprPtr exportName; // Export.Name; null when the output is not exported
  std::optional<LocatedName> condition;
  SourceLocation location;
  std::vector<Guard> guards; // exists only when every guard holds (parametric mode)
};

} // namespace pm::ir
