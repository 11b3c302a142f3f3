// The condition under which a Jinja `if` or loop produced a part of the model; parametric mode
// fills this in, a plain CloudFormation template never has one.
#pragma once

#include "ir/expr.h"

#include <string>

namespace pm::ir {

struct Guard {
  std::string variable; // the guard variable, unique in its module
  ExprPtr condition;    // the symbolic condition, when known
  bool whenTrue = true; // present when the condition is true (false: in the else branch)
};

} // namespace pm::ir
