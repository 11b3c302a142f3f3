// One item of a batch run: a bundle converted to one target into its own output folder, the
// same way `convert` would, and what happened summarised for the report.
#pragma once

#include "backends/report/batch_summary.h"
#include "tools/proton-migrate/batch_plan.h"

#include <string>

namespace pm::driver {

struct BatchSettings {
  std::string outputRoot;
  std::string mode = "parametric";
  bool force = false;
  bool incremental = false;
  bool check = false; // compare with the output folder instead of writing it
};

struct BundleJobResult {
  backends::report::BundleOutcome outcome;
  std::string staleDiff; // --check: how the folder differs from what this run generates
};

// Never throws: an I/O failure becomes a failed outcome with its message.
BundleJobResult runBundleJob(const BatchItem& item, const BatchSettings& settings);

} // namespace pm::driver
