// Ordering and cycle detection over module links.
#include "ir/module_graph.h"

#include <algorithm>

namespace pm::ir {

Module& ModuleGraph::add(Module module) {
  modules_.push_back(std::move(module));
  return modules_.back();
}

Module* ModuleGraph::find(std::string_view name) {
  for (Module& module : modules_)
    if (module.name == name)
      return &module;
  return nullptr;
}

const Module* ModuleGraph::find(std::string_view name) const {
  for (const Module& module : modules_)
    if (module.name == name)
      return &module;
  return nullptr;
}

std::vector<const Module*> ModuleGraph::topologicalOrder() const {
  // Kahn's algorithm, always taking the first ready module in insertion order.
  std::vector<const Module*> order;
  std::vector<bool> placed(modules_.size(), false);
  auto isPlaced = [&](std::string_view name) -> bool {
    for (std::size_t i = 0; i < modules_.size(); ++i)
      if (modules_[i].name == name)
        return placed[i];
    return true; // unknown modules do not hold anything back
  };
  bool progress = true;
  while (progress) {
    progress = false;
    for (std::size_t i = 0; i < modules_.size(); ++i) {
      if (placed[i])
        continue;
      const auto& upstream = modules_[i].upstreamModules;
      if (std::all_of(upstream.begin(), upstream.end(), isPlaced)) {
        placed[i] = true;
        order.push_back(&modules_[i]);
        progress = true;
        break;
      }
    }
  }
  return order;
}

namespace {

enum class Visit { New, Active, Done };

bool findCycleFrom(const ModuleGraph& graph, const Module& module,
                   std::vector<std::pair<const Module*, Visit>>& state,
                   std::vector<std::string>& path) {
  auto stateOf = [&](const Module* m) -> Visit& {
    for (auto& [candidate, visit] : state)
      if (candidate == m)
        return visit;
    state.emplace_back(m, Visit::New);
    return state.back().second;
  };
  stateOf(&module) = Visit::Active;
  path.push_back(module.name);
  for (const std::string& name : module.upstreamModules) {
    const Module* upstream = graph.find(name);
    if (!upstream)
      continue;
    Visit visit = stateOf(upstream);
    if (visit == Visit::Active) {
      auto start = std::find(path.begin(), path.end(), name);
      path.erase(path.begin(), start);
      path.push_back(name);
      return true;
    }
    if (visit == Visit::New && findCycleFrom(graph, *upstream, state, path))
      return true;
  }
  stateOf(&module) = Visit::Done;
  path.pop_back();
  return false;
}

} // namespace

std::vector<std::string> ModuleGraph::findCycle() const {
  std::vector<std::pair<const Module*, Visit>> state;
  for (const Module& module : modules_) {
    std::vector<std::string> path;
    bool seen = std::any_of(state.begin(), state.end(),
                            [&](const auto& entry) { return entry.first == &module; });
    if (!seen && findCycleFrom(*this, module, state, path))
      return path;
  }
  return {};
}

} // namespace pm::ir
