// The root module: one module block per deployment (the environment, each service instance
// of the spec, the pipeline), its values in terraform.tfvars, and environment outputs wired to
// the service modules through module outputs when the environment is deployed from here too.
#pragma once

#include "backends/conversion_model.h"
#include "backends/output_tree.h"
#include "backends/terraform/module_writer.h"
#include "ir/diagnostics.h"

#include <map>
#include <string>

namespace pm::tf {

// `interfaces` by ir::Module name. Deployments with a stack dump are adopted (adoption_writer.h).
void writeRoot(const backends::ConversionModel& model,
               const std::map<std::string, ModuleInterface>& interfaces, const std::string& folder,
               backends::OutputTree& output, ir::Diagnostics& diagnostics);

} // namespace pm::tf
