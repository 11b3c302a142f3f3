// The artifacts of Terraform products: each module of a Terraform-based bundle as the Terraform
// backend writes it (the author's files with the Proton constructs replaced), packed as .tar.gz.
#pragma once

#include "backends/conversion_model.h"
#include "backends/terraform/native_module_writer.h"
#include "ir/diagnostics.h"

#include <map>
#include <string>

namespace pm::backends::sc {

// The archive of each module of `model` that `sources` holds, by ir::Module name.
std::map<std::string, std::string> terraformArtifacts(const ConversionModel& model,
                                                      const tf::NativeSources& sources,
                                                      ir::Diagnostics& diagnostics);

} // namespace pm::backends::sc
