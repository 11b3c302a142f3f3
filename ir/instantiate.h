// Binding a parametric module's Proton references (InputRef, ContextRef, UpstreamOutputRef) to
// values: the module rendered mode would have read for those values (DESIGN.md's correctness
// property: instantiate(parametric, X) == rendered(X)).
#pragma once

#include "ir/expr.h"
#include "ir/module.h"

#include <functional>
#include <map>
#include <string>

namespace pm::ir {

// A value as Jinja printed it: `text` (Python str()), and `bare`, the literal a template reader
// makes of that text as a plain scalar (8080 a number, True a boolean, abc a string).
struct BoundValue {
  std::string text;
  ExprPtr bare;
  bool truth = true; // Python bool() of the value: what a Jinja `if` on it tests
};

// One element of a list a loop iterates (ResourceLoop, ForEach): its values by path inside the
// element ("name", "environment.account_id", "inputs.port"; "" for an element that is a plain
// value).
using LoopElement = std::map<std::string, BoundValue>;

struct InputValues {
  std::map<std::string, BoundValue> inputs;          // by input name
  std::map<std::string, BoundValue> context;         // by context path, e.g. "service.name"
  std::map<std::string, BoundValue> upstreamOutputs; // by "module.output"
  // The lists loops iterate, by collectionKey() of the reference naming them.
  std::map<std::string, std::vector<LoopElement>> collections;
  // Inside one element of a loop being expanded: LoopItemRef values by path
  // ("service_instance.name", "loop.index").
  std::map<std::string, BoundValue> loopItems;
};

// The key of InputValues::collections for the list `reference` names: a ContextRef's path, or
// "inputs." and an InputRef's name; empty for any other expression.
std::string collectionKey(const Expr& reference);

// The value `values` gives a reference (InputRef, ContextRef, UpstreamOutputRef, LoopItemRef);
// nullptr when it gives none or `expr` is no reference.
const BoundValue* boundValue(const Expr& expr, const InputValues& values);

// A Sub whose source is empty is a concatenation the parametric reader made from a plain
// scalar with references inside; once every reference is bound it becomes a string again.
bool isConcatenation(const SubTemplate& sub);

// Each reference bound in `values` becomes its literal; Sub variables bound to references are
// folded into the text. References without a value stay. For a module, guards whose condition
// the values decide are resolved: guarded resources, outputs, entries and items kept or dropped.
// Loops whose list `values` gives are expanded (loop_expansion.h).
Module instantiate(const Module& module, const InputValues& values);
ExprPtr instantiate(const ExprPtr& expr, const InputValues& values);

// Tree rewriting used by instantiation and by the parametric reader: `node` rebuilt with each
// direct child replaced by map(child) (every kind, including Sub variables and If branches).
using ExprMap = std::function<ExprPtr(const ExprPtr&)>;
ExprPtr mapChildren(const ExprPtr& node, const ExprMap& map);
// Applies `map` to every top-level expression of the module (input defaults and allowed
// values, properties, policies, outputs, conditions, mappings, metadata, other sections).
void mapModuleExprs(Module& module, const ExprMap& map);
// The same for the expressions of one resource (properties, policies, metadata, others).
void mapResourceExprs(Resource& resource, const ExprMap& map);
// Read-only: walkExpr(root, visit) over the same expressions, without copying the module.
using ExprVisit = std::function<bool(const Expr&)>;
void walkModuleExprs(const Module& module, const ExprVisit& visit);
void walkResourceExprs(const Resource& resource, const ExprVisit& visit);

// The Fn::Sub source string of `parts`: ${Name}, ${Name.Attr}, ${!Literal}, text.
std::string subSource(const std::vector<SubPart>& parts);

} // namespace pm::ir
