// Parametric mode's Jinja logic in the model (DESIGN.md "Two conversion modes, one engine"):
// a Jinja `if` on symbolic values becomes a guard variable of the module, and the parts of the
// model it covers carry that guard; a `for` over a symbolic list becomes a loop.
#pragma once

#include "ir/expr.h"
#include "ir/source_location.h"

#include <string>
#include <vector>

namespace pm::ir {

// One distinct Jinja condition of a module. Every `if` with the same condition shares the
// variable. The condition is an expression over the module's references with Jinja meaning:
//   InputRef / ContextRef / UpstreamOutputRef / LoopItemRef   Python truth of the value
//   Equals [a, b]                                             Python ==
//   Not [c], And [c...], Or [c...]                            boolean logic
//   Defined [reference]                                       the value is given (`is defined`)
// with literals (String, Number, Bool) as the other operands.
struct GuardVariable {
  std::string name;        // "Guard1", "Guard2", ... in order of first use; unique in the module
  ExprPtr condition;       // see above
  SourceLocation location; // the first `if` that tests it
};

// "`variable` is true" (whenTrue) or "`variable` is false": a part of the model that carries a
// list of these exists only when all of them hold.
struct Guard {
  std::string variable;
  bool whenTrue = true;
};

// A resource repeated once per element of `collection` (a `for` around it). Inside the
// resource, LoopItemRef nodes read the element ("service_instance.name") and the loop's
// counters ("loop.index"); the logical ID and Ref/GetAtt/DependsOn names that vary per element
// hold ${path} placeholders: "Deploy${loop.index}Project".
struct ResourceLoop {
  std::string variable; // the Jinja loop variable, e.g. "service_instance"
  ExprPtr collection;   // e.g. ContextRef "service_instances", or an InputRef of a list
  SourceLocation location;
};

} // namespace pm::ir
