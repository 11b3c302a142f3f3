// Running one step of a pass for every module of a graph on the thread pool. A step reads and
// changes only its own module; each reports into diagnostics of its own, joined in module
// order, so what is reported never depends on the thread count.
#pragma once

#include "ir/diagnostics.h"
#include "ir/module_graph.h"
#include "ir/thread_pool.h"

#include <optional>
#include <type_traits>
#include <vector>

namespace pm::ir {

// step(Module&, Diagnostics&) for every module, on `threads` threads; what each returns, in
// module order.
template <typename Step>
auto mapModules(ModuleGraph& graph, Diagnostics& diagnostics, unsigned threads, Step step) {
  using Result = std::invoke_result_t<Step&, Module&, Diagnostics&>;
  auto& modules = graph.modules();
  std::vector<std::optional<Result>> results(modules.size());
  std::vector<Diagnostics> found(modules.size());
  runJobs(modules.size(), threads,
          [&](std::size_t index) { results[index].emplace(step(modules[index], found[index])); });
  for (const Diagnostics& reported : found)
    diagnostics.append(reported);
  return results;
}

// The same for a step that returns nothing.
template <typename Step>
void forEachModule(ModuleGraph& graph, Diagnostics& diagnostics, unsigned threads, Step step) {
  mapModules(graph, diagnostics, threads, [&](Module& module, Diagnostics& found) {
    step(module, found);
    return true;
  });
}

} // namespace pm::ir
