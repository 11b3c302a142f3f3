// Expanding the loops of a parametric module for known lists (part of ir::instantiate): a
// ForEach list item becomes one item per element, a looped resource one resource per element,
// each with the element's values bound to its LoopItemRef nodes and put in place of the ${path}
// placeholders of the names that vary per element ("Deploy${loop.index}Project").
#pragma once

#include "ir/instantiate.h"
#include "ir/module.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace pm::ir {

// The values inside element `index` of `elements` iterated as `variable`: `values` plus the
// LoopItemRef paths "<variable>.<path>" ("<variable>" for a plain element) and the loop's
// counters ("loop.index", "loop.first", ...).
InputValues elementValues(const InputValues& values, const std::string& variable,
                          const std::vector<LoopElement>& elements, std::size_t index);

// `name` with each ${path} of a bound loop item replaced by its text.
std::string withLoopValues(const std::string& name,
                           const std::map<std::string, BoundValue>& loopItems);

// A Ref or GetAtt whose target name holds loop placeholders, with them replaced; any other node
// as it is.
ExprPtr withLoopNames(const ExprPtr& node, const std::map<std::string, BoundValue>& loopItems);

// `list` instantiated: each ForEach item whose collection `values` gives replaced by its item
// instantiated for every element, every other item instantiated as it is.
ExprPtr instantiateItems(const ExprPtr& list, const InputValues& values);

// Each looped resource whose collection `values` gives replaced by one resource per element:
// logical ID and DependsOn with the element's placeholders replaced, expressions bound by
// instantiateIn(expr, element values).
using ElementInstantiation = std::function<ExprPtr(const ExprPtr&, const InputValues&)>;
void expandResourceLoops(Module& module, const InputValues& values,
                         const ElementInstantiation& instantiateIn);

// Every loop of `module` whose list `values` gives, expanded for its elements; everything else
// stays parametric. Returns the locations of the loops expanded (each once, in model order).
std::vector<SourceLocation> expandLoops(Module& module, const InputValues& values);

} // namespace pm::ir
