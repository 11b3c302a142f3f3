// Writing the Markdown batch report.
#include "backends/report/batch_report_markdown.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace pm::backends::report {

namespace {

// A table cell: pipes would end the cell, newlines the row.
std::string cell(const std::string& text) {
  std::string escaped;
  for (char c : text)
    escaped += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
  return escaped;
}

// A failure's first diagnostics: enough to see why without drowning the pull request comment.
constexpr std::size_t kMessagesShown = 10;

const char* const kStatuses[] = {"converted", "carried-over", "unchanged",      "up-to-date",
                                 "stale",     "failed",       "not-for-target", "refused"};

} // namespace

std::string countsText(const std::map<std::string, int>& counts) {
  std::string text;
  for (const auto& [name, count] : counts)
    text += fmt::format("{}{} {}", text.empty() ? "" : ", ", name, count);
  return text.empty() ? "-" : text;
}

std::string batchReportMarkdown(const BatchSummary& summary) {
  std::string out = "# proton-migrate batch\n\n";
  out += fmt::format("Root `{}`, targets {}{}: {} bundle conversions in {:.1f} s.\n\n",
                     summary.root, fmt::join(summary.targets, ", "),
                     summary.shard.empty() ? "" : ", shard " + summary.shard,
                     summary.outcomes.size(), summary.seconds);
  out += "| status | count |\n| --- | ---: |\n";
  for (const char* status : kStatuses)
    out += fmt::format("| {} | {} |\n", status, summary.count(status));
  out += fmt::format("\nResources: {}.\n\n", countsText(summary.resourcesByKind()));
  out += "| bundle | target | status | resources | findings | seconds |\n"
         "| --- | --- | --- | --- | --- | ---: |\n";
  for (const BundleOutcome& outcome : summary.outcomes)
    out += fmt::format("| {} | {} | {} | {} | {} | {:.2f} |\n", cell(outcome.path), outcome.target,
                       outcome.status, countsText(outcome.resourcesByKind),
                       cell(countsText(outcome.findingsBySeverity)), outcome.seconds);
  out += "\n## Findings by rule\n\n| rule | count |\n| --- | ---: |\n";
  for (const auto& [rule, count] : summary.findingsByRule())
    out += fmt::format("| {} | {} |\n", cell(rule), count);
  for (const BundleOutcome& outcome : summary.outcomes) {
    if (outcome.status != "failed" && outcome.status != "refused")
      continue;
    out += fmt::format("\n### {} ({}): {}\n\n```\n", outcome.path, outcome.target, outcome.status);
    for (std::size_t i = 0; i < outcome.messages.size() && i < kMessagesShown; ++i)
      out += outcome.messages[i] + "\n";
    if (outcome.messages.size() > kMessagesShown)
      out += fmt::format("... and {} more\n", outcome.messages.size() - kMessagesShown);
    out += "```\n";
  }
  return out;
}

} // namespace pm::backends::report
