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

// Carries the CodeBuild bundles of `bundles` over and removes them, so that the rest are
// converted; each goes under "<bundle name>/" when several bundles were given. Commands that
// call the Proton API (which no longer exists) are kept commented out. Each part is reported as
// carried over (CBD001, info).
void carryOverCodeBuildBundles(std::vector<LoadedBundle>& bundles, backends::OutputTree& output,
                               ir::Diagnostics& diagnostics);

inline constexpr const char* kCarryOverRule = "CBD001";

} // namespace pm::driver
