// Rendering every CloudFormation+Jinja part of a bundle into an output tree: one file per part,
// and one per service instance when the spec has several.
#pragma once

#include "backends/output_tree.h"
#include "tools/proton-migrate/template_inputs.h"

#include <optional>
#include <string>

namespace pm::driver {

// Writes `<prefix><part>.yaml` (or `<prefix>instance-<name>.yaml`) for each rendered part;
// returns how many files were written. Errors go to `diagnostics`.
std::size_t renderAllParts(const frontend::Bundle& bundle, const TemplateInputs& inputs,
                           const std::optional<frontend::PartRole>& onlyPart,
                           const std::string& onlyInstance, const std::string& prefix,
                           backends::OutputTree& output, ir::Diagnostics& diagnostics);

} // namespace pm::driver
