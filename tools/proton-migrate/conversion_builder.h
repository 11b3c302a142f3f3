// Building the ConversionModel of one bundle: each template part read in the chosen mode, the
// passes run over all of them, and one deployment per stack the spec describes.
#pragma once

#include "backends/conversion_model.h"
#include "backends/terraform/native_module_writer.h"
#include "tools/proton-migrate/template_inputs.h"

#include <optional>
#include <string>
#include <vector>

namespace pm::driver {

// Nothing when a part could not be read (the reason is in `diagnostics`). Pass errors are in
// `diagnostics` too; the model is still returned so the caller decides. The files of Terraform
// parts go to `terraformSources`; without it such a part is a PRS013 error.
std::optional<backends::ConversionModel>
buildConversionModel(const frontend::Bundle& bundle, const TemplateInputs& inputs,
                     backends::ConversionMode mode, ir::Diagnostics& diagnostics,
                     tf::NativeSources* terraformSources = nullptr);

// Adds the modules and deployments of one bundle to `model`, without running the passes. An
// infrastructure part is deployed once per name in `environments`, or once under the name the
// context gives when it is empty. False when a part could not be read.
bool addBundle(backends::ConversionModel& model, const frontend::Bundle& bundle,
               const TemplateInputs& inputs, const std::vector<std::string>& environments,
               ir::Diagnostics& diagnostics, tf::NativeSources* terraformSources = nullptr);

// The module name of a part: the bundle's name for an environment or component, with the role
// appended for the parts of a service ("svc-instance", "svc-pipeline"); in rendered mode each
// service instance has its own module, suffixed with the instance's name.
std::string partModuleName(const frontend::Bundle& bundle, frontend::PartRole role,
                           const std::string& instance = "");

} // namespace pm::driver
