// The conversion `convert` performs, as a function other commands call (batch, check): the
// bundles of `values["path"]` converted with one backend into an in-memory tree.
#pragma once

#include "backends/backend.h"
#include "tools/proton-migrate/command.h"
#include "tools/proton-migrate/lint_findings.h"
#include "tools/proton-migrate/model_cache.h"

#include <functional>

namespace pm::driver {

// Called with each model handed to the backend, and whether its bundle is written in Terraform
// (its files are carried over instead of being converted resource by resource).
using ModelObserver =
    std::function<void(const backends::ConversionModel& model, bool writtenInTerraform)>;

// Converts what `values` names (the options of `convert`) into `output`; problems go to
// `diagnostics`, and an error there means `output` must not be written. The lint passes'
// findings go to `lint`, which leaves out a bundle whose findings reach its threshold. With
// `models`, a bundle's model built by an earlier call with the same cache is reused.
void convertInto(const po::variables_map& values, const backends::Backend& backend,
                 backends::ConversionMode mode, LintGate& lint, backends::OutputTree& output,
                 ir::Diagnostics& diagnostics, const ModelObserver& observer = {},
                 ModelCache* models = nullptr);

} // namespace pm::driver
