// The ordered list of passes (DESIGN.md "Passes") and the side tables they produce for the
// backends.
#pragma once

#include "ir/diagnostics.h"
#include "ir/module_graph.h"
#include "ir/passes/assign_identifiers.h"
#include "ir/passes/bind_upstream_outputs.h"
#include "ir/passes/fold_conditions.h"
#include "ir/passes/lint/lint_pass.h"

#include <string_view>
#include <vector>

namespace pm::ir {

// What the passes computed without changing the graph.
struct PassResults {
  // What the lint step is told (target, profile, mode); set before runPasses.
  lint::LintOptions lintOptions;
  // Threads the per-module work (lint, identifiers, and the backends' per-module writing) may
  // run on (convert -j); set before runPasses. No result depends on it.
  unsigned threads = 1;
  UpstreamBindings bindings;
  FoldedGraph folded;
  // Lint findings are kept apart from the diagnostics: a finding of severity error does not
  // stop a conversion (the caller decides, by its --fail-on).
  lint::LintResult lint;
  Identifiers identifiers;
};

// The pass names in the order runPasses runs them.
std::vector<std::string_view> passNames();

// resolve references -> bind upstream outputs -> (check types) -> fold conditions -> lint ->
// assign identifiers. Every pass runs even after errors, so one run reports as much as it can.
void runPasses(ModuleGraph& graph, Diagnostics& diagnostics, PassResults& results);
void runPasses(ModuleGraph& graph, Diagnostics& diagnostics);

} // namespace pm::ir
