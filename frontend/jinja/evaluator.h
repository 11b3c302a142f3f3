// Renders a parsed template: walks statements with Jinja's scoping (a `for` body is a fresh scope
// per iteration, `if` is not a scope) and evaluates expressions with Python semantics.
#pragma once

#include "frontend/jinja/ast.h"
#include "frontend/jinja/jinja.h"
#include "frontend/jinja/symbolic.h"

#include <string>

namespace pm::jinja {

// Renders `body` with the top-level names of `context`; throws TemplateError on render errors.
// The result still holds the block markers of Proton's filters (see proton_filters.h).
std::string renderBody(const Body& body, const Value& context, const RenderLimits& limits);

// Parametric mode: as renderBody, with symbolic values printed as sentinels and every construct
// that needed a concrete value reported to `recorder`.
std::string renderBodySymbolic(const Body& body, const Value& context, const RenderLimits& limits,
                               SymbolicRecorder& recorder);

} // namespace pm::jinja
