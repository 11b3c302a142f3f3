// Lint findings in the driver: which diagnostics are catalog findings rather than input errors,
// the --fail-on threshold, and running the lint passes over bundles (the `lint` command, and
// the benchmark).
#pragma once

#include "backends/report/lint_report.h"
#include "ir/diagnostics.h"
#include "ir/passes/lint/lint_pass.h"
#include "tools/proton-migrate/command.h"

#include <optional>
#include <string>
#include <vector>

namespace pm::driver {

// --fail-on error|warning|never: the least severe finding that fails the run.
struct FailOn {
  bool never = false;
  ir::Severity least = ir::Severity::Error;
};
// Nothing for a word other than error, warning or never.
std::optional<FailOn> failOnOption(const std::string& word);
bool reachesThreshold(const std::vector<ir::Diagnostic>& findings, const FailOn& threshold);

// A diagnostic of a catalog rule (MIG003, MIG006, MIG008, MIG017, ...): a finding, not an
// input error.
bool isCatalogFinding(const ir::Diagnostic& diagnostic);
// A catalog finding, or a diagnostic lint reports as one (an undeclared input read: MIG001).
bool isReportedAsFinding(const ir::Diagnostic& diagnostic, const ir::Diagnostics& sources);

// Everything one lint run found.
struct LintOutcome {
  ir::Diagnostics diagnostics;          // the readers' and passes' (and the source texts)
  std::vector<ir::Diagnostic> findings; // catalog findings, sorted by location
  std::size_t suppressed = 0;
  bool inputError = false; // a diagnostic of severity error that is no catalog finding
};

// Reads the bundles at `paths` (parametric mode), runs the passes and collects the findings.
LintOutcome lintBundles(const std::vector<std::string>& paths, const po::variables_map& values,
                        const ir::lint::LintOptions& options);

// Convert: collects each model's findings and stops a bundle whose findings reach --fail-on
// (default never: only input errors stop a conversion).
struct LintGate {
  std::string target;
  FailOn failOn;
  std::vector<ir::Diagnostic> findings;
  bool stopped = false; // some bundle was not emitted because of its findings

  // Keeps `result`'s findings, levelled for the target; false when they reach failOn.
  bool admit(ir::lint::LintResult& result);
};

// Convert: prints the findings of a model's lint pass after the diagnostics (Clang style),
// formatted on `threads` threads.
void printFindings(const std::vector<ir::Diagnostic>& findings, const ir::Diagnostics& sources,
                   std::ostream& out, unsigned threads = 1);

} // namespace pm::driver
