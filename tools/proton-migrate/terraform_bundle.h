// The parts of a Terraform-based bundle (rendering_engine: hcl) in a conversion: the model
// module the passes and the root need, and the author's files for the terraform target.
#pragma once

#include "backends/terraform/native_module_writer.h"
#include "frontend/bundle/bundle.h"
#include "ir/diagnostics.h"
#include "ir/module.h"

#include <optional>
#include <string>

namespace pm::driver {

bool isTerraformPart(const frontend::BundlePart& part);

// Reads `part` with the HCL reader; its files go to `sources[moduleName]`.
std::optional<ir::Module> readTerraformBundlePart(const frontend::Bundle& bundle,
                                                  const frontend::BundlePart& part,
                                                  const std::string& moduleName,
                                                  tf::NativeSources& sources,
                                                  ir::Diagnostics& diagnostics);

} // namespace pm::driver
