// The HTML batch report: one self-contained page (no network) with a sortable table of the
// bundles, each bundle's details, and inline SVG charts of coverage and findings.
#pragma once

#include "backends/report/batch_summary.h"

#include <string>

namespace pm::backends::report {

std::string batchReportHtml(const BatchSummary& summary);

} // namespace pm::backends::report
