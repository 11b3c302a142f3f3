// Writing the HTML batch report.
#include "backends/report/batch_report_html.h"

#include "backends/report/batch_report_markdown.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace pm::backends::report {

namespace {

constexpr int kChartWidth = 520;
constexpr int kBarHeight = 18;
constexpr int kLabelWidth = 150;
constexpr std::size_t kRulesCharted = 15;

constexpr const char* kStyle = R"(body{font-family:sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}
th{background:#eee;cursor:pointer}td.n{text-align:right}
.converted{color:#17692c}.failed,.refused{color:#a3161b}.unchanged,.carried-over{color:#555}
details{margin:.3em 0}pre{background:#f6f6f6;padding:.5em;white-space:pre-wrap}
.charts{display:flex;gap:2em;flex-wrap:wrap})";

// Clicking a header sorts the table by that column; numbers compare as numbers; "#sort=N" in the
// address sorts by column N on opening. The page marks itself ready at the end, so a headless
// browser test sees that the script ran through.
constexpr const char* kSortScript = R"(document.querySelectorAll('th').forEach(function (th) {
  th.addEventListener('click', function () {
    var table = th.closest('table'), body = table.tBodies[0];
    var column = Array.prototype.indexOf.call(th.parentNode.children, th);
    var ascending = th.dataset.order !== 'asc';
    th.dataset.order = ascending ? 'asc' : 'desc';
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[column].dataset.value || a.cells[column].textContent;
      var y = b.cells[column].dataset.value || b.cells[column].textContent;
      var nx = parseFloat(x), ny = parseFloat(y);
      var order = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  });
});
// A link may name a column to sort by: batch-report.html#sort=4
var sortColumn = /^#sort=(\d+)$/.exec(location.hash);
if (sortColumn) document.querySelectorAll('th')[Number(sortColumn[1])].click();
document.body.dataset.ready = 'true';)";

std::string escape(const std::string& text) {
  std::string escaped;
  for (char c : text) {
    switch (c) {
    case '&':
      escaped += "&amp;";
      break;
    case '<':
      escaped += "&lt;";
      break;
    case '>':
      escaped += "&gt;";
      break;
    case '"':
      escaped += "&quot;";
      break;
    default:
      escaped += c;
    }
  }
  return escaped;
}

int total(const std::map<std::string, int>& counts) {
  int sum = 0;
  for (const auto& [name, count] : counts)
    sum += count;
  return sum;
}

// A horizontal bar chart, one bar per entry, scaled to the largest.
std::string barChart(const std::string& title,
                     const std::vector<std::pair<std::string, int>>& bars) {
  int largest = 1;
  for (const auto& [label, value] : bars)
    largest = std::max(largest, value);
  int height = static_cast<int>(bars.size()) * (kBarHeight + 4) + 30;
  std::string svg = fmt::format(
      "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" role=\"img\" "
      "aria-label=\"{}\"><text x=\"0\" y=\"16\" font-weight=\"bold\">{}</text>",
      kChartWidth, height, escape(title), escape(title));
  int y = 26;
  for (const auto& [label, value] : bars) {
    int width = (kChartWidth - kLabelWidth - 50) * value / largest;
    svg += fmt::format("<text x=\"0\" y=\"{}\" font-size=\"12\">{}</text>"
                       "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#4a7ebb\"/>"
                       "<text x=\"{}\" y=\"{}\" font-size=\"12\">{}</text>",
                       y + 13, escape(label), kLabelWidth, y, width, kBarHeight,
                       kLabelWidth + width + 4, y + 13, value);
    y += kBarHeight + 4;
  }
  return svg + "</svg></figure>\n";
}

std::vector<std::pair<std::string, int>> largestFirst(const std::map<std::string, int>& counts,
                                                      std::size_t limit) {
  std::vector<std::pair<std::string, int>> bars(counts.begin(), counts.end());
  std::stable_sort(bars.begin(), bars.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (bars.size() > limit)
    bars.resize(limit);
  return bars;
}

std::string charts(const BatchSummary& summary) {
  std::map<std::string, int> statuses = summary.statusCounts();
  return "<div class=\"charts\">\n" +
         barChart("Bundles by status", largestFirst(statuses, statuses.size())) +
         barChart("Resources by mapping kind (coverage)",
                  largestFirst(summary.resourcesByKind(), kRulesCharted)) +
         barChart("Findings by rule", largestFirst(summary.findingsByRule(), kRulesCharted)) +
         "</div>\n";
}

std::string tableRow(const BundleOutcome& outcome) {
  return fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"{}\">{}</td>"
                     "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{:.2f}</td>"
                     "</tr>\n",
                     escape(outcome.path), escape(outcome.name), escape(outcome.target),
                     escape(outcome.status), escape(outcome.status), total(outcome.resourcesByKind),
                     total(outcome.findingsBySeverity), outcome.seconds);
}

std::string table(const BatchSummary& summary) {
  std::string html = "<table id=\"bundles\"><thead><tr><th>bundle</th><th>template</th>"
                     "<th>target</th><th>status</th><th>resources</th><th>findings</th>"
                     "<th>seconds</th></tr></thead><tbody>\n";
  for (const BundleOutcome& outcome : summary.outcomes)
    html += tableRow(outcome);
  return html + "</tbody></table>\n";
}

std::string details(const BundleOutcome& outcome) {
  std::string html = fmt::format(
      "<details><summary>{} ({}): <span class=\"{}\">{}</span></summary>\n<p>Output: "
      "<code>{}</code>. Resources: {}. Findings: {}; by rule: {}.</p>\n",
      escape(outcome.path), escape(outcome.target), escape(outcome.status), escape(outcome.status),
      escape(outcome.outputFolder), escape(countsText(outcome.resourcesByKind)),
      escape(countsText(outcome.findingsBySeverity)), escape(countsText(outcome.findingsByRule)));
  if (!outcome.messages.empty()) {
    html += "<pre>";
    for (const std::string& message : outcome.messages)
      html += escape(message) + "\n";
    html += "</pre>\n";
  }
  return html + "</details>\n";
}

} // namespace

std::string batchReportHtml(const BatchSummary& summary) {
  std::string html = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<title>proton-migrate batch report</title><style>{}</style></head><body>\n"
      "<h1>proton-migrate batch</h1>\n<p>Root <code>{}</code>, {} bundle conversions in "
      "{:.1f} s: {} converted, {} failed. Resources: {}.</p>\n",
      kStyle, escape(summary.root), summary.outcomes.size(), summary.seconds,
      summary.count("converted"), summary.count("failed"),
      escape(countsText(summary.resourcesByKind())));
  html += charts(summary) + table(summary) + "<h2>Bundles</h2>\n";
  for (const BundleOutcome& outcome : summary.outcomes)
    html += details(outcome);
  return html + "<script>\n" + kSortScript + "\n</script>\n</body></html>\n";
}

} // namespace pm::backends::report
