// One item of a batch run: a bundle converted to one target into its own output folder, the
// same way `convert` would, and what happened summarised for the report.
#pragma once

#include "backends/report/batch_summary.h"
#include "tools/proton-migrate/batch_plan.h"

#include <string>
#include <vector>

namespace pm::driver {

struct BatchSettings {
  std::string outputRoot;
  std::string mode = "parametric";
  bool force = false;
  bool incremental = false;
  bool check = false; // compare with the output folder instead of writing it
  // Each diagnostic's text in the outcome, for the reports; without a report only the counts
  // are kept (an estate's messages would otherwise grow memory by tens of KiB per bundle).
  bool keepMessages = true;
};

struct BundleJobResult {
  backends::report::BundleOutcome outcome;
  std::string staleDiff; // --check: how the folder differs from what this run generates
};

// Converts one bundle to each of its items' targets (`items` all name the same bundle), in
// order: the bundle's model is built once for all of them. Never throws: an I/O failure
// becomes a failed outcome with its message.
std::vector<BundleJobResult> runBundleJob(const std::vector<BatchItem>& items,
                                          const BatchSettings& settings);

} // namespace pm::driver
