// Several bundles converted together: environment templates and the services deployed in them
// become one model, so the backends can wire each service instance to the outputs of the
// environment stack it is deployed in (CDK cross-stack references, Terraform module outputs)
// instead of literal values.
#pragma once

#include "backends/conversion_model.h"
#include "backends/terraform/native_module_writer.h"
#include "tools/proton-migrate/template_inputs.h"

#include <optional>
#include <vector>

namespace pm::driver {

// The bundles' modules and deployments in one model, the environment templates first. An
// environment template is deployed once per environment the service instances converted with it
// are deployed in (unless --context environment.name names it); an environment name goes to the
// first environment template the service's registration declares compatible (any, without one).
// In parametric mode each service instance and component is linked to its environment's
// deployment (Deployment::environment) and its module to the compatible environment modules
// (Module::upstreamModules), before the passes run. Two bundles of one name are a PRS006 error.
// The bundles are read on `threads` threads; the model does not depend on their number.
std::optional<backends::ConversionModel>
buildSystemModel(const std::vector<const LoadedBundle*>& bundles, backends::ConversionMode mode,
                 ir::Diagnostics& diagnostics, tf::NativeSources* terraformSources = nullptr,
                 unsigned threads = 1);

} // namespace pm::driver
