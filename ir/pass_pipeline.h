// The ordered list of passes (DESIGN.md "Passes") and the side tables they produce for the
// backends.
#pragma once

#include "ir/diagnostics.h"
#include "ir/module_graph.h"
#include "ir/passes/assign_identifiers.h"
#include "ir/passes/bind_upstream_outputs.h"
#include "ir/passes/fold_conditions.h"

#include <string_view>
#include <vector>

namespace pm::ir {

// What the passes computed without changing the graph.
struct PassResults {
  UpstreamBindings bindings;
  FoldedGraph folded;
  Identifiers identifiers;
};

// The pass names in the order runPasses runs them.
std::vector<std::string_view> passNames();

// resolve references -> bind upstream outputs -> (check types) -> fold conditions -> assign
// identifiers. Every pass runs even after errors, so one run reports as much as it can.
void runPasses(ModuleGraph& graph, Diagnostics& diagnostics, PassResults& results);
void runPasses(ModuleGraph& graph, Diagnostics& diagnostics);

} // namespace pm::ir
