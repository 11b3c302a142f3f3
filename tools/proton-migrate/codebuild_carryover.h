// CodeBuild-provisioned bundles: their infrastructure is whatever program the manifest's shell
// commands run, so it is carried over rather than converted. For each CodeBuild part this
// writes the part's files, the `proton-inputs.json` Proton would have written for each instance
// (or the environment), a CodeBuild buildspec and a GitHub Actions workflow that run the
// provision and deprovision commands with it.
#pragma once

#include "backends/output_tree.h"
#include "tools/proton-migrate/template_inputs.h"

namespace pm::driver {

// Whether any part of the bundle is provisioned by CodeBuild.
bool isCodeBuildBundle(const frontend::Bundle& bundle);

// Writes the carried-over files of every CodeBuild part into `output`. Commands that call the
// Proton API (which no longer exists) are kept commented out, with a warning.
void carryOverCodeBuild(const LoadedBundle& loaded, backends::OutputTree& output,
                        ir::Diagnostics& diagnostics);

} // namespace pm::driver
