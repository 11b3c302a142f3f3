// Inverse rendering of Jinja `if`: what the outcome of a guard condition (guard.h), decided by
// which branch is deployed, says about the values the condition reads.
#pragma once

#include "ir/expr.h"
#include "ir/input.h"

#include <string>
#include <vector>

namespace pm::frontend {

// A reference inverse rendering binds to a deployed value: InputRef, ContextRef or
// UpstreamOutputRef.
bool isBindableReference(const ir::Expr& expr);

struct PinnedValue {
  ir::ExprPtr reference; // InputRef, ContextRef or UpstreamOutputRef
  std::string text;      // its value as Jinja prints it
};

// The values `condition` having the outcome `holds` forces: a boolean input tested alone is that
// outcome; a reference compared equal to a literal is the literal when the comparison holds;
// `not` inverts, and `and` that holds (or `or` that does not) forces every operand. Anything
// else pins nothing. `declared` types the inputs.
std::vector<PinnedValue> valuesPinnedBy(const ir::ExprPtr& condition, bool holds,
                                        const std::vector<ir::Input>& declared);

} // namespace pm::frontend
