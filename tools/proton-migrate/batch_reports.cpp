// Batch reports on disk and the totals line.
#include "tools/proton-migrate/batch_reports.h"

#include "backends/report/batch_report_html.h"
#include "backends/report/batch_report_json.h"
#include "backends/report/batch_report_markdown.h"
#include "ir/secret_masking.h"
#include "tools/proton-migrate/output_directory.h"

#include <fmt/format.h>

#include <filesystem>
#include <ostream>

namespace pm::driver {

namespace report = backends::report;

bool isReportFormat(const std::string& format) {
  return format == "md" || format == "json" || format == "html";
}

std::string batchReportText(const report::BatchSummary& summary, const std::string& format) {
  if (format == "json")
    return ir::maskSecrets(report::batchReportJson(summary));
  if (format == "html")
    return ir::maskSecrets(report::batchReportHtml(summary));
  return ir::maskSecrets(report::batchReportMarkdown(summary));
}

std::string writeBatchReport(const report::BatchSummary& summary, const std::string& format,
                             const std::string& directory) {
  std::string path = (std::filesystem::path(directory) / ("batch-report." + format)).string();
  commitOutputFile(batchReportText(summary, format), path);
  return path;
}

void printBatchTotals(const report::BatchSummary& summary, std::ostream& out) {
  out << fmt::format("{} bundle conversions: {}; resources: {}\n", summary.outcomes.size(),
                     report::countsText(summary.statusCounts()),
                     report::countsText(summary.resourcesByKind()));
}

} // namespace pm::driver
