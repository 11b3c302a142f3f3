// Parametric mode's reader (DESIGN.md "Two conversion modes, one engine"): a bundle part read
// with its Proton inputs, context values and upstream outputs kept symbolic, so the module holds
// InputRef, ContextRef and UpstreamOutputRef where rendered mode holds their values.
#pragma once

#include "frontend/bundle/bundle.h"
#include "frontend/proton_context.h"
#include "ir/diagnostics.h"
#include "ir/instantiate.h"
#include "ir/module.h"

#include <optional>
#include <string>
#include <vector>

namespace pm::frontend {

// A construct rendered with its concrete value because it cannot carry a reference (MIG008).
struct ParametricFallback {
  std::string construct; // "if", "comparison", "filter 'lower'", "a mapping key", ...
  std::string path;      // the symbolic value it used, e.g. service_instance.inputs.port
  ir::SourceLocation location;
};

struct ParametricModule {
  ir::Module module;
  std::vector<ParametricFallback> fallbacks;
  // Loops that could not be lifted and were rendered over the spec's elements (MIG008).
  std::vector<ir::SourceLocation> renderedLoops;
};

// Reads `request.part` of `bundle` with symbolic inputs. The request's spec, outputs and context
// overrides give the concrete values every fallback renders with; each fallback is a MIG008
// warning at its template location. Schema inputs and the context values used become the
// module's inputs. Nothing when rendering or reading failed (reported as in rendered mode).
std::optional<ParametricModule> readParametricModule(const Bundle& bundle,
                                                     const RenderRequest& request,
                                                     ir::Diagnostics& diagnostics);
std::optional<ir::Module> readParametric(const Bundle& bundle, const RenderRequest& request,
                                         ir::Diagnostics& diagnostics);

// The kind of module a part of a bundle becomes.
ir::ModuleKind moduleKindOf(PartRole role);

// The values `request` gives the references of a parametric module, for ir::instantiate.
std::optional<ir::InputValues> requestValues(const Bundle& bundle, const RenderRequest& request,
                                             ir::Diagnostics& diagnostics);

} // namespace pm::frontend
