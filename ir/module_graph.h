// All modules of a run and the links between them (a service instance reads its environment).
#pragma once

#include "ir/module.h"

#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace pm::ir {

class ModuleGraph {
public:
  // Adds a module; references to earlier modules stay valid. Names should be unique: find()
  // returns the first module with a name.
  Module& add(Module module);
  Module* find(std::string_view name);
  const Module* find(std::string_view name) const;
  std::deque<Module>& modules() { return modules_; }
  const std::deque<Module>& modules() const { return modules_; }

  // Upstream modules before the modules that read them; ties keep insertion order, so the
  // result is deterministic. Links to unknown modules are ignored. Modules on a cycle are
  // left out: check findCycle() first.
  std::vector<const Module*> topologicalOrder() const;
  // The names along one cycle of upstream links (first name repeated at the end), or empty.
  std::vector<std::string> findCycle() const;

private:
  std::deque<Module> modules_;
};

} // namespace pm::ir
