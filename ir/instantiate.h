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

struct InputValues {
  std::map<std::string, BoundValue> inputs;          // by input name
  std::map<std::string, BoundValue> context;         // by context path, e.g. "service.name"
  std::map<std::string, BoundValue> upstreamOutputs; // by "module.output"
};

// The value `values` gives a reference (InputRef, ContextRef, UpstreamOutputRef); nullptr when
// it gives none or `expr` is no reference.
const BoundValue* boundValue(const Expr& expr, const InputValues& values);

// A Sub whose source is empty is a concatenation the parametric reader made from a plain
// scalar with references inside; once every reference is bound it becomes a string again.
bool isConcatenation(const SubTemplate& sub);

// Each reference bound in `values` becomes its literal; Sub variables bound to references are
// folded into the text. References without a value stay. For a module, guards whose condition
// the values decide are resolved: guarded resources, outputs, entries and items kept or dropped.
Module instantiate(const Module& module, const InputValues& values);
ExprPtr instantiate(const ExprPtr& expr, const InputValues& values);

// Tree rewriting used by instantiation and by the parametric reader: `node` rebuilt with each
// direct child replaced by map(child) (every kind, including Sub variables and If branches).
using ExprMap = std::function<ExprPtr(const ExprPtr&)>;
ExprPtr mapChildren(const ExprPtr& node, const ExprMap& map);
// Applies `map` to every top-level expression of the module (input defaults and allowed
// values, properties, policies, outputs, conditions, mappings, metadata, other sections).
void mapModuleExprs(Module& module, const ExprMap& map);

// The Fn::Sub source string of `parts`: ${Name}, ${Name.Attr}, ${!Literal}, text.
std::string subSource(const std::vector<SubPart>& parts);

} // namespace pm::ir
