// Text: each finding like Clang (location, severity, message, [RULE], source line, caret), then
// a count line.
#include "backends/report/lint_report_writers.h"

namespace pm::backends::report {

void writeLintText(const LintReport& report, std::ostream& out) {
  ir::Diagnostics noSources;
  printClangStyle(report.findings, report.sources ? *report.sources : noSources, out);
  std::size_t counts[4] = {0, 0, 0, 0};
  for (const ir::Diagnostic& finding : report.findings)
    ++counts[static_cast<int>(finding.severity)];
  out << counts[static_cast<int>(ir::Severity::Error)] << " error(s), "
      << counts[static_cast<int>(ir::Severity::Warning)] << " warning(s), "
      << counts[static_cast<int>(ir::Severity::Info)] + counts[static_cast<int>(ir::Severity::Note)]
      << " info; " << report.suppressed << " suppressed\n";
}

} // namespace pm::backends::report
