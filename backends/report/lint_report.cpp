// Choosing the writer, and what the formats share.
#include "backends/report/lint_report.h"

#include "backends/report/lint_report_writers.h"

#include <cstdint>
#include <cstdio>
#include <map>

namespace pm::backends::report {

std::optional<LintFormat> lintFormat(std::string_view name) {
  if (name == "text")
    return LintFormat::Text;
  if (name == "json")
    return LintFormat::Json;
  if (name == "sarif")
    return LintFormat::Sarif;
  if (name == "markdown" || name == "md")
    return LintFormat::Markdown;
  return std::nullopt;
}

void writeLintReport(const LintReport& report, LintFormat format, std::ostream& out) {
  switch (format) {
  case LintFormat::Text:
    return writeLintText(report, out);
  case LintFormat::Json:
    return writeLintJson(report, out);
  case LintFormat::Sarif:
    return writeLintSarif(report, out);
  case LintFormat::Markdown:
    return writeLintMarkdown(report, out);
  }
}

void printClangStyle(const std::vector<ir::Diagnostic>& diagnostics, const ir::Diagnostics& sources,
                     std::ostream& out, unsigned threads) {
  sources.print(diagnostics, out, threads);
}

std::string findingFingerprint(const ir::Diagnostic& finding) {
  // FNV-1a, 64 bits: deterministic on every platform, unlike std::hash.
  std::uint64_t hash = 14695981039346656037ULL;
  for (const std::string* part : {&finding.ruleId, &finding.location.file.str(), &finding.message}) {
    for (unsigned char c : *part) {
      hash ^= c;
      hash *= 1099511628211ULL;
    }
    hash ^= 0xff; // separator
    hash *= 1099511628211ULL;
  }
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

std::vector<std::pair<std::string, std::size_t>>
countsByRule(const std::vector<ir::Diagnostic>& findings) {
  std::map<std::string, std::size_t> counts;
  for (const ir::Diagnostic& finding : findings)
    ++counts[finding.ruleId];
  return {counts.begin(), counts.end()};
}

std::string_view levelName(ir::Severity severity) {
  return ir::severityName(severity);
}

} // namespace pm::backends::report
