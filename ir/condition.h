// A named condition of a module (the Conditions section).
#pragma once

#include "ir/expr.h"
#include "ir/source_location.h"

#include <string>

namespace pm::ir {

struct Condition {
  std::string name;
  ExprPtr expression; // Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition
  SourceLocation location;
};

} // namespace pm::ir
