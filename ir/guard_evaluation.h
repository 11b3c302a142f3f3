// The values of a module's guard variables (guard.h) for given input values, and the model as
// it is for them: used by instantiation (DESIGN.md's correctness property).
#pragma once

#include "ir/instantiate.h"
#include "ir/module.h"

#include <map>
#include <optional>
#include <string>

namespace pm::ir {

// Ref AWS::NoValue: the branch of a Guarded node that leaves the node out.
bool isNoValue(const ExprPtr& expr);

// Python's meaning of a guard condition; nothing when a value it reads is not given.
std::optional<bool> evaluateCondition(const ExprPtr& condition, const InputValues& values);

// Each guard variable whose condition can be evaluated.
std::map<std::string, bool> evaluateGuards(const Module& module, const InputValues& values);

// `expr` with each Guarded node of a known guard replaced by its branch; a branch that leaves
// the node out (Ref AWS::NoValue) removes the map entry or list item. Nothing when the whole
// expression is left out.
ExprPtr resolveGuards(const ExprPtr& expr, const std::map<std::string, bool>& guards);

// True when every guard of `guards` is known and holds; false when one is known not to.
std::optional<bool> guardsHold(const std::vector<Guard>& guards,
                               const std::map<std::string, bool>& values);

} // namespace pm::ir
