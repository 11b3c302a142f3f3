// `--stack-dump`: the deployed stacks a conversion adopts. Each dump is attached to the
// deployment it was made from, told by its `aws:proton:*` tags, or to the only deployment.
#pragma once

#include "backends/conversion_model.h"
#include "frontend/bundle/stack_dump.h"
#include "tools/proton-migrate/template_inputs.h"

#include <set>
#include <vector>

namespace pm::driver {

// Reads and merges the files given (several files of one stack join into one dump).
std::vector<frontend::StackDump> readStackDumps(const std::vector<std::string>& paths,
                                                ir::Diagnostics& diagnostics);

// Attaches the dumps that belong to a deployment of `model`: its stack name, physical IDs and
// the retain template (the dump's TemplateBody, else the part rendered for the deployment).
// The index of each dump attached is added to `attached`.
void attachStackDumps(backends::ConversionModel& model, const frontend::Bundle& bundle,
                      const TemplateInputs& inputs, const std::vector<frontend::StackDump>& dumps,
                      std::set<std::size_t>& attached, ir::Diagnostics& diagnostics);

// PRS010 for each dump no deployment took.
void reportUnattachedDumps(const std::vector<frontend::StackDump>& dumps,
                           const std::set<std::size_t>& attached, ir::Diagnostics& diagnostics);

} // namespace pm::driver
