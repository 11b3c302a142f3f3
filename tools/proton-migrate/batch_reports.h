// Writing a batch run's reports and its totals on standard output.
#pragma once

#include "backends/report/batch_summary.h"

#include <iosfwd>
#include <string>

namespace pm::driver {

bool isReportFormat(const std::string& format); // md, json, html

// Writes "<directory>/batch-report.<format>" and returns its path; throws on I/O failure.
std::string writeBatchReport(const backends::report::BatchSummary& summary,
                             const std::string& format, const std::string& directory);

// The report text in a format.
std::string batchReportText(const backends::report::BatchSummary& summary,
                            const std::string& format);

// "63 bundle conversions: converted 50, failed 13; resources: ..."
void printBatchTotals(const backends::report::BatchSummary& summary, std::ostream& out);

} // namespace pm::driver
