// Markdown for a pull request comment: a summary table by rule, then the findings grouped by
// severity (errors first), each with its location and a link to the rule's documentation.
#include "backends/report/lint_report_writers.h"

#include "ir/passes/lint/rule_catalog.h"

#include <array>

namespace pm::backends::report {

namespace {

constexpr std::array<ir::Severity, 4> kOrder{ir::Severity::Error, ir::Severity::Warning,
                                             ir::Severity::Info, ir::Severity::Note};

// Table cells hold no pipes or newlines.
std::string cell(std::string text) {
  std::string escaped;
  for (char c : text)
    escaped += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
  return escaped;
}

void summary(const LintReport& report, std::ostream& out) {
  out << "| rule | title | findings |\n| --- | --- | ---: |\n";
  for (const auto& [rule, count] : countsByRule(report.findings)) {
    const ir::lint::RuleInfo* info = ir::lint::findRule(rule);
    out << "| [" << rule << "](docs/" << (info ? info->anchor() : "diagnostics.md") << ") | "
        << cell(info ? std::string(info->title) : "") << " | " << count << " |\n";
  }
}

} // namespace

void writeLintMarkdown(const LintReport& report, std::ostream& out) {
  out << "## proton-migrate lint\n\n";
  if (report.findings.empty()) {
    out << "No findings (" << report.suppressed << " suppressed).\n";
    return;
  }
  out << report.findings.size() << " finding(s), " << report.suppressed << " suppressed.\n\n";
  summary(report, out);
  for (ir::Severity severity : kOrder) {
    bool heading = false;
    for (const ir::Diagnostic& finding : report.findings) {
      if (finding.severity != severity)
        continue;
      if (!heading)
        out << "\n### " << levelName(severity) << "\n\n";
      heading = true;
      out << "- `" << finding.location.str() << "` **" << finding.ruleId << "** "
          << cell(finding.message) << "\n";
    }
  }
}

} // namespace pm::backends::report
