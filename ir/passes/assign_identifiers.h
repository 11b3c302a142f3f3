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

// Kept per target and module: backends look names up by module, and a module's namespaces are
// filled on the thread pool, each into its own module's names.
class Identifiers {
  // Orders (enum, name) pairs and finds them by (enum, string_view) without a copy.
  struct PairLess {
    using is_transparent = void;
    template <typename A, typename B> bool operator()(const A& a, const B& b) const {
      return std::pair(a.first, std::string_view(a.second)) <
             std::pair(b.first, std::string_view(b.second));
    }
  };

public:
  // One module's names for one target, by element kind and source name.
  using ModuleNames = std::map<std::pair<NamedKind, std::string>, std::string, PairLess>;

  // The target name of an element, or nullptr when none was assigned.
  const std::string* find(NamingTarget target, std::string_view module, NamedKind kind,
                          std::string_view source) const;
  // The CDK stack class or Terraform module name of a module.
  const std::string* moduleName(NamingTarget target, std::string_view module) const {
    return find(target, module, NamedKind::Module, module);
  }
  void assign(IdentifierKey key, std::string name);
  // The names one module's elements (and the module itself) have for one target.
  const ModuleNames& inModule(NamingTarget target, std::string_view module) const;
  // The names of `module` for `target`, made empty if there were none. Threads may fill the
  // names of different modules at once, once each module's names exist.
  ModuleNames& names(NamingTarget target, std::string_view module);

  // Every name, in key order (tests compare whole tables).
  using NameMap = std::map<IdentifierKey, std::string>;
  NameMap all() const;

private:
  std::map<std::pair<NamingTarget, std::string>, ModuleNames, PairLess> modules_;
};

// Namespaces of one module each are assigned on `threads` threads; names and diagnostics do not
// depend on it.
void runAssignIdentifiers(ModuleGraph& graph, Diagnostics& diagnostics, Identifiers& identifiers,
                          unsigned threads = 1);
// Diagnostics only (the pass-list form).
void runAssignIdentifiers(ModuleGraph& graph, Diagnostics& diagnostics);

} // namespace pm::ir
