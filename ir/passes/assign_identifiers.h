// Pass: assign identifiers. Reads the names of every module's inputs, resources, outputs,
// conditions and mappings (and the module names) and gives each a name per target following the
// naming table (ir/target_names.h): CloudFormation/Service Catalog names, Terraform identifiers,
// CDK props, variables and stack classes. Logical IDs are never changed. Names depend only on
// the set of names, never on insertion order: colliding names are ordered by their source name,
// the first keeps the plain name and the others get a number [MIG017; error where the name is a
// deployed identity]. Changes nothing in the graph: the names go into an Identifiers side table.
// Runs last, after every pass that may add or drop elements.
#pragma once

#include "ir/diagnostics.h"
#include "ir/module_graph.h"
#include "ir/target_names.h"

#include <compare>
#include <map>
#include <string>
#include <string_view>

namespace pm::ir {

inline constexpr const char* kIdentifierCollisionRule = "MIG017";

struct IdentifierKey {
  NamingTarget target = NamingTarget::CloudFormation;
  std::string module; // for NamedKind::Module, the module's own name
  NamedKind kind = NamedKind::Input;
  std::string source; // the name as written (a logical ID, an input name, a module name)
  friend auto operator<=>(const IdentifierKey&, const IdentifierKey&) = default;
};

class Identifiers {
public:
  // The target name of an element, or nullptr when none was assigned.
  const std::string* find(NamingTarget target, std::string_view module, NamedKind kind,
                          std::string_view source) const;
  // The CDK stack class or Terraform module name of a module.
  const std::string* moduleName(NamingTarget target, std::string_view module) const {
    return find(target, module, NamedKind::Module, module);
  }
  void assign(IdentifierKey key, std::string name);
  using NameMap = std::map<IdentifierKey, std::string>;
  const NameMap& all() const { return names_; }
  // A run of the map, for range-for (std::ranges::subrange trips clang 14's libstdc++ 12).
  struct NameRun {
    NameMap::const_iterator first, last;
    NameMap::const_iterator begin() const { return first; }
    NameMap::const_iterator end() const { return last; }
  };
  // The names one module's elements (and the module itself) have for one target.
  NameRun inModule(NamingTarget target, std::string_view module) const;

private:
  NameMap names_;
};

// Namespaces of one module each are assigned on `threads` threads; names and diagnostics do not
// depend on it.
void runAssignIdentifiers(ModuleGraph& graph, Diagnostics& diagnostics, Identifiers& identifiers,
                          unsigned threads = 1);
// Diagnostics only (the pass-list form).
void runAssignIdentifiers(ModuleGraph& graph, Diagnostics& diagnostics);

} // namespace pm::ir
