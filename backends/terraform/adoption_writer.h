// Taking deployed stacks over (`--stack-dump`): in the root, `imports.tf` with an import block
// per resource of each adopted deployment, the retain template of each stack, and a README with
// the cut-over steps.
#pragma once

#include "backends/conversion_model.h"
#include "backends/output_tree.h"
#include "backends/terraform/module_writer.h"
#include "ir/diagnostics.h"

#include <string>
#include <vector>

namespace pm::tf {

inline constexpr const char* kImportIdRule = "TF007";

// A module block of the root.
struct RootCall {
  const backends::Deployment* deployment;
  const ModuleInterface* interface;
  std::string name; // module block name
};

// Nothing when no deployment has a stack dump.
void writeAdoption(const backends::ConversionModel& model, const std::vector<RootCall>& calls,
                   const std::string& folder, backends::OutputTree& output,
                   ir::Diagnostics& diagnostics);

} // namespace pm::tf
