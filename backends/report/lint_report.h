// Lint findings as a report: Clang-style text, JSON, SARIF 2.1.0 (GitHub code scanning) or
// Markdown (a pull request comment). Rule metadata comes from the catalog
// (ir/passes/lint/rule_catalog.h).
#pragma once

#include "ir/diagnostics.h"

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace pm::backends::report {

enum class LintFormat { Text, Json, Sarif, Markdown };

std::optional<LintFormat> lintFormat(std::string_view name);

struct LintReport {
  std::vector<ir::Diagnostic> findings; // catalog rules only, in report order
  std::size_t suppressed = 0;
  std::vector<std::string> inputs;          // the paths linted
  const ir::Diagnostics* sources = nullptr; // source lines for the text format
  std::string toolVersion;
  // Where the rule pages are: SARIF helpUri is this plus "lint.md#<rule>". Relative by default
  // (the repository's docs/); GitHub code scanning wants an absolute URL.
  std::string helpUriBase = "docs/";
};

void writeLintReport(const LintReport& report, LintFormat format, std::ostream& out);

// Prints `diagnostics` Clang style with the source lines `sources` registered, formatted on
// `threads` threads.
void printClangStyle(const std::vector<ir::Diagnostic>& diagnostics, const ir::Diagnostics& sources,
                     std::ostream& out, unsigned threads = 1);

// A fingerprint of a finding that does not move with line numbers: the rule, the file and the
// message (which names the resource), so it is stable across runs and unrelated edits.
std::string findingFingerprint(const ir::Diagnostic& finding);

// How many findings each rule has, by rule id (sorted).
std::vector<std::pair<std::string, std::size_t>>
countsByRule(const std::vector<ir::Diagnostic>& findings);

} // namespace pm::backends::report
