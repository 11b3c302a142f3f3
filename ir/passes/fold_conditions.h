// Pass: fold conditions. Reads each module's Conditions, resource/output Condition attributes and
// expressions. Evaluates every condition whose operands are all literals (three-valued: Ref to a
// parameter or pseudo parameter stays Unknown), and folds Fn::If on a known condition and
// Fn::Join / Fn::Select / Fn::Split over literal operands. Changes nothing in the graph: the
// folded copies go into a FoldedGraph side table, so the rendered template (Service Catalog emits
// it exactly) keeps every node as written. Reports a condition cycle [PRS017] and a resource
// whose condition is always false [PRS018, info]. Needs resolve references (undeclared condition
// names were reported there and fold to Unknown here).
#pragma once

#include "ir/diagnostics.h"
#include "ir/module.h"
#include "ir/module_graph.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pm::ir {

inline constexpr const char* kConditionCycleRule = "PRS017";
inline constexpr const char* kNeverCreatedRule = "PRS018";

// Three-valued logic: a condition over a parameter is Unknown until deploy time.
enum class Truth { False, True, Unknown };

std::string_view truthName(Truth truth);

struct FoldedModule {
  // Every condition of the module by name (undeclared names are absent: treat as Unknown).
  std::map<std::string, Truth, std::less<>> conditions;
  // A copy of the module whose expressions are folded; nodes that did not change are shared
  // with the original, folded nodes carry the location of the construct they replace.
  Module module;

  Truth truth(std::string_view condition) const;
};

struct FoldedGraph {
  std::map<std::string, FoldedModule, std::less<>> modules; // by module name
  const FoldedModule* find(std::string_view module) const;
};

// Folds one expression given the truth of the module's conditions (exposed for backends and
// tests). Unknown constructs and unknown conditions are returned unchanged.
ExprPtr foldExpr(const ExprPtr& expr, const std::map<std::string, Truth, std::less<>>& conditions);

FoldedModule foldModule(const Module& module, Diagnostics& diagnostics);

// Each module on one of `threads` threads (the result does not depend on it).
void runFoldConditions(ModuleGraph& graph, Diagnostics& diagnostics, FoldedGraph& folded,
                       unsigned threads = 1);
// Diagnostics only (the pass-list form).
void runFoldConditions(ModuleGraph& graph, Diagnostics& diagnostics);

} // namespace pm::ir
