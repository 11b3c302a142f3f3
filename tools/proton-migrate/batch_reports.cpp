// Batch reports on disk and the totals line.
#include "tools/proton-migrate/batch_reports.h"

#include "backends/report/batch_report_html.h"
#include "backends/report/batch_report_json.h"
#include "backends/report/batch_report_markdown.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <ostream>
#include <stdexcept>

namespace pm::driver {

namespace report = backends::report;

bool isReportFormat(const std::string& format) {
  return format == "md" || format == "json" || format == "html";
}

std::string batchReportText(const report::BatchSummary& summary, const std::string& format) {
  if (format == "json")
    return report::batchReportJson(summary);
  if (format == "html")
    return report::batchReportHtml(summary);
  return report::batchReportMarkdown(summary);
}

std::string writeBatchReport(const report::BatchSummary& summary, const std::string& format,
                             const std::string& directory) {
  std::filesystem::create_directories(directory);
  std::string path = (std::filesystem::path(directory) / ("batch-report." + format)).string();
  std::ofstream out(path, std::ios::binary);
  out << batchReportText(summary, format);
  if (!out.flush())
    throw std::runtime_error("cannot write " + path);
  return path;
}

void printBatchTotals(const report::BatchSummary& summary, std::ostream& out) {
  out << fmt::format("{} bundle conversions: {}; resources: {}\n", summary.outcomes.size(),
                     report::countsText(summary.statusCounts()),
                     report::countsText(summary.resourcesByKind()));
}

} // namespace pm::driver
