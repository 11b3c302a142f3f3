// Turning the loop sites of a symbolic render into loops of the model (DESIGN.md "Loops"): a
// loop site is expanded like a guard (its body rendered for one symbolic element, or not at
// all), so after the merge what one element adds carries the loop's guard variable. Here those
// differences become loop nodes: a guarded list item a ForEach item, a guarded resource a
// ResourceLoop. A difference no loop node can hold fails the loop; its site then renders with
// the concrete elements (reported by the reader).
#pragma once

#include "frontend/jinja/symbolic.h"
#include "ir/module.h"

#include <map>
#include <string>

namespace pm::frontend {

struct LoopDeclaration {
  std::string key; // the site's key: "for service_instance in service_instances"
  jinja::LoopSite site;
  ir::SourceLocation location; // the first `for` with that key
};

// Failed loops: why, by key.
using LoopFailures = std::map<std::string, std::string>;

// Replaces, in `module`, every difference carrying a loop's guard variable (the keys of
// `loops`) by a loop node. Loops it cannot lift are added to `failures`.
void liftLoops(ir::Module& module, const std::map<std::string, LoopDeclaration>& loops,
               LoopFailures& failures);

} // namespace pm::frontend
