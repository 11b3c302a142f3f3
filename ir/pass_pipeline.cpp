// Running the passes in DESIGN.md order.
#include "ir/pass_pipeline.h"

#include "ir/passes/check_types.h"
#include "ir/passes/resolve_references.h"

#include <functional>

namespace pm::ir {

namespace {

struct PassStep {
  std::string_view name;
  std::function<void(ModuleGraph&, Diagnostics&, PassResults&)> run;
};

const std::vector<PassStep>& passSteps() {
  static const std::vector<PassStep> steps{
      {"resolve-references",
       [](ModuleGraph& graph, Diagnostics& diagnostics, PassResults& results) {
         runResolveReferences(graph, diagnostics, results.threads);
       }},
      {"bind-upstream-outputs",
       [](ModuleGraph& graph, Diagnostics& diagnostics, PassResults& results) {
         runBindUpstreamOutputs(graph, diagnostics, results.bindings, results.threads);
       }},
      {"check-types",
       [](ModuleGraph& graph, Diagnostics& diagnostics, PassResults& results) {
         runCheckTypes(graph, diagnostics, results.threads);
       }},
      {"fold-conditions",
       [](ModuleGraph& graph, Diagnostics& diagnostics, PassResults& results) {
         runFoldConditions(graph, diagnostics, results.folded, results.threads);
       }},
      {"lint",
       [](ModuleGraph& graph, Diagnostics& diagnostics, PassResults& results) {
         results.lint = {};
         lint::runLint(graph, diagnostics, results.lintOptions, results.lint, results.threads);
       }},
      {"assign-identifiers",
       [](ModuleGraph& graph, Diagnostics& diagnostics, PassResults& results) {
         runAssignIdentifiers(graph, diagnostics, results.identifiers, results.threads);
       }},
  };
  return steps;
}

} // namespace

std::vector<std::string_view> passNames() {
  std::vector<std::string_view> names;
  for (const PassStep& step : passSteps())
    names.push_back(step.name);
  return names;
}

void runPasses(ModuleGraph& graph, Diagnostics& diagnostics, PassResults& results) {
  for (const PassStep& step : passSteps())
    step.run(graph, diagnostics, results);
}

void runPasses(ModuleGraph& graph, Diagnostics& diagnostics) {
  PassResults discarded;
  runPasses(graph, diagnostics, discarded);
}

} // namespace pm::ir
