// A pipeline read without the service's instances (no spec, or a spec that lists none) whose
// template indexes them (`service_instances[0].outputs.LambdaRuntime` in the samples' build
// specs) cannot render at all, in Proton or here. Parametric mode reads it with one stand-in
// instance instead: the schema defaults, and the outputs its instance template writes as
// literals. The constructs that used it are MIG008 fallbacks, and a warning says where the
// template indexes the list and that a spec with the instances makes the conversion exact.
#pragma once

#include "frontend/bundle/bundle.h"
#include "frontend/bundle/spec.h"
#include "frontend/proton_context.h"
#include "ir/diagnostics.h"

#include <string>

namespace pm::frontend {

// `request`, or, when its pipeline needs one (above), a copy reading `storage`: a spec with the
// request's pipeline inputs and one stand-in instance. `text` is the pipeline template.
RenderRequest withStandInInstance(const Bundle& bundle, const RenderRequest& request,
                                  const std::string& text, const std::string& path, Spec& storage,
                                  ir::Diagnostics& diagnostics);

} // namespace pm::frontend
