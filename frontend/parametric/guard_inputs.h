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

// What a decided condition says of one reference: its value, that the spec gives none, or a
// value it does not have.
enum class Pin { Equal, Undefined, NotEqual };

struct PinnedValue {
  ir::ExprPtr reference; // InputRef, ContextRef or UpstreamOutputRef
  std::string text;      // its value as Jinja prints it (empty for Undefined)
  Pin pin = Pin::Equal;
};

// What `condition` having the outcome `holds` says: a boolean input tested alone is that
// outcome; a reference compared with a literal is the literal when the comparison holds, and
// anything but it when it does not; `is defined` that does not hold leaves the input out of the
// spec; `not` inverts, and `and` that holds (or `or` that does not) says it of every operand.
// Anything else says nothing. `declared` types the inputs.
std::vector<PinnedValue> valuesPinnedBy(const ir::ExprPtr& condition, bool holds,
                                        const std::vector<ir::Input>& declared);

} // namespace pm::frontend
