// The outputs a pipeline reads from its service instances (`service_instances[i].outputs.X`).
// Proton filled them from each instance's deployed stack. Without that stack, an output whose
// value the instance template writes as a literal (the samples' `LambdaRuntime:
// "{{service_instance.inputs.lambda_runtime}}"`) is still known: render the instance with the
// spec and read it.
#pragma once

#include "frontend/bundle/bundle.h"
#include "frontend/proton_context.h"

#include <map>
#include <string>

namespace pm::frontend {

// For each instance of `request.spec` (rendered with `request`'s values): the instance
// template's outputs with literal values, as the strings Proton would hold. An output whose
// value needs the deployed stack is left out, so reading it fails as it would have in Proton
// without that stack. Problems rendering an instance are left to the instance's own conversion;
// here they only leave that instance without outputs.
std::map<std::string, jinja::Value> literalInstanceOutputs(const Bundle& bundle,
                                                           const RenderRequest& request);

} // namespace pm::frontend
