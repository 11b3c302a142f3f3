// Running jobs that report diagnostics on the thread pool: each job reports into diagnostics of
// its own, appended in job order, so what is reported never depends on the thread count. The
// module forms run one step of a pass per module of a graph; a step reads and changes only its
// own module.
#pragma once

#include "ir/diagnostics.h"
#include "ir/module_graph.h"
#include "ir/thread_pool.h"

#include <type_traits>
#include <vector>

namespace pm::ir {

// job(index, Diagnostics&) for index 0 .. count - 1 on `threads` threads; what each returns, in
// index order.
template <typename Job>
auto mapReportingJobs(std::size_t count, unsigned threads, Diagnostics& diagnostics, Job job) {
  using Result = std::invoke_result_t<Job&, std::size_t, Diagnostics&>;
  std::vector<Result> results(count);
  std::vector<Diagnostics> found(count);
  runJobs(count, threads, [&](std::size_t index) { results[index] = job(index, found[index]); });
  for (const Diagnostics& reported : found)
    diagnostics.append(reported);
  return results;
}

// step(Module&, Diagnostics&) for every module, on `threads` threads; what each returns, in
// module order.
template <typename Step>
auto mapModules(ModuleGraph& graph, Diagnostics& diagnostics, unsigned threads, Step step) {
  auto& modules = graph.modules();
  return mapReportingJobs(
      modules.size(), threads, diagnostics,
      [&](std::size_t index, Diagnostics& found) { return step(modules[index], found); });
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
