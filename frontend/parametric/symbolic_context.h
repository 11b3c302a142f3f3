// The data tree of parametric mode: Proton's tree (proton_context.h) with every input, context
// value and upstream output replaced by a symbolic reference that keeps its concrete value.
#pragma once

#include "frontend/bundle/bundle.h"
#include "frontend/jinja/value.h"
#include "frontend/proton_context.h"
#include "ir/expr.h"
#include "ir/instantiate.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace pm::frontend {

// `context` (as buildContext made it) with symbolic leaves: `*.inputs.*` and `*.outputs.*`
// entries, the string values of the context (service.name, environment.account_id, ...), and
// the pipeline's service_instances list as a whole (a loop over it is reported as a fallback).
jinja::Value symbolicContext(const jinja::Value& context);

// Calls visit(path, value) for each value symbolicContext() makes symbolic.
void forEachContextLeaf(const jinja::Value& context,
                        const std::function<void(const std::string&, const jinja::Value&)>& visit);

// The model reference a context path stands for: `*.inputs.X` an InputRef, `environment.outputs.X`
// an UpstreamOutputRef of "environment" (an attached component's outputs: of "component"), any
// other path a ContextRef. service_instance.environment.* stays apart from environment.*: the
// reference renderer's --context environment.* overrides reach only the latter.
ir::ExprPtr referenceFor(const std::string& path, const ir::SourceLocation& location);

// The values of `context` for ir::instantiate, keyed as referenceFor() names them; `bare` is the
// literal a YAML template reader makes of the printed text.
ir::InputValues boundValues(const jinja::Value& context);

// The names of the environment outputs a template's text reads (`environment.outputs.X`), in
// order of appearance, repeats included.
std::vector<std::string> environmentOutputsNamed(const std::string& text);

// The literal a CloudFormation YAML reader makes of `text` as a plain scalar.
ir::ExprPtr plainScalar(const std::string& text);

} // namespace pm::frontend
