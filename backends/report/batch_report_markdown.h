// The Markdown batch report: totals, one table row per bundle and target, findings by rule.
#pragma once

#include "backends/report/batch_summary.h"

#include <string>

namespace pm::backends::report {

std::string batchReportMarkdown(const BatchSummary& summary);

// "curated 3, awscc 1": counts in key order, "-" when empty (shared with the other formats).
std::string countsText(const std::map<std::string, int>& counts);

} // namespace pm::backends::report
