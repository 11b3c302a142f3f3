// The lint run and the threshold.
#include "tools/proton-migrate/lint_findings.h"

#include "ir/passes/lint/rule_catalog.h"
#include "tools/proton-migrate/conversion_builder.h"
#include "tools/proton-migrate/system_model.h"
#include "tools/proton-migrate/template_inputs.h"

#include <algorithm>
#include <tuple>

namespace pm::driver {

namespace {

bool locationOrder(const ir::Diagnostic& a, const ir::Diagnostic& b) {
  return std::tie(a.location.file, a.location.line, a.location.column, a.ruleId, a.message) <
         std::tie(b.location.file, b.location.line, b.location.column, b.ruleId, b.message);
}

bool sameFinding(const ir::Diagnostic& a, const ir::Diagnostic& b) {
  return a.ruleId == b.ruleId && a.location == b.location && a.message == b.message;
}

void addModelFindings(LintOutcome& outcome, const ir::lint::LintResult& result) {
  outcome.findings.insert(outcome.findings.end(), result.findings.begin(), result.findings.end());
  outcome.suppressed += result.suppressed;
}

// Several bundles make one model, so a service's reads of environment outputs are checked
// against the environment templates given with it (MIG003).
std::optional<backends::ConversionModel> buildModel(const std::vector<LoadedBundle>& bundles,
                                                    ir::Diagnostics& found,
                                                    tf::NativeSources& terraform) {
  auto mode = backends::ConversionMode::Parametric;
  if (bundles.size() == 1)
    return buildConversionModel(bundles.front().bundle, bundles.front().inputs, mode, found,
                                &terraform);
  std::vector<const LoadedBundle*> given;
  for (const LoadedBundle& loaded : bundles)
    given.push_back(&loaded);
  return buildSystemModel(given, mode, found, &terraform);
}

void lintModel(const std::vector<LoadedBundle>& bundles, const ir::lint::LintOptions& options,
               LintOutcome& outcome) {
  tf::NativeSources terraform;
  ir::Diagnostics found;
  auto model = buildModel(bundles, found, terraform);
  if (model) {
    // The passes linted with the default options already; other options need another run.
    if (!options.target.empty() || options.production) {
      model->passes.lint = {};
      ir::lint::runLint(model->modules, found, options, model->passes.lint);
    }
    addModelFindings(outcome, model->passes.lint);
  }
  outcome.diagnostics.append(found);
}

// The renderer refuses a read of an undeclared name as PRS003 ("'dict object' has no attribute
// 'x'"): for lint, `*.inputs.x` is MIG001 (an input the schema does not declare) and
// `environment.x`, `service.x`, ... is MIG004 (no such Proton namespace member), findings
// rather than input errors.
std::optional<ir::Diagnostic> undeclaredInput(const ir::Diagnostic& diagnostic,
                                              const ir::Diagnostics& sources) {
  constexpr std::string_view kNoAttribute = "has no attribute '";
  std::size_t at = diagnostic.message.find(kNoAttribute);
  if (diagnostic.ruleId != "PRS003" || at == std::string::npos)
    return std::nullopt;
  std::string name = diagnostic.message.substr(at + kNoAttribute.size());
  name = name.substr(0, name.find('\''));
  std::string line = sources.sourceLine(diagnostic.location);
  ir::Diagnostic finding = diagnostic;
  if (line.find("inputs." + name) != std::string::npos) {
    finding.ruleId = "MIG001";
    finding.message = "the template reads input '" + name +
                      "', which the schema does not declare (Proton fails only when it renders "
                      "the template at deploy time)";
    return finding;
  }
  for (std::string_view root : {"environment.", "service_instance.", "service.", "pipeline."})
    if (line.find(std::string(root) + name) != std::string::npos) {
      finding.ruleId = "MIG004";
      finding.message = "'" + std::string(root) + name +
                        "' is no member of the Proton namespace (inputs are under .inputs, "
                        "environment outputs under environment.outputs)";
      return finding;
    }
  return std::nullopt;
}

// A CloudFormation dynamic reference written without Jinja escaping: Jinja reads `{{resolve:`
// as an expression and refuses it (PRS002), Proton would have too. MIG018.
std::optional<ir::Diagnostic> unescapedDynamicReference(const ir::Diagnostic& diagnostic,
                                                        const ir::Diagnostics& sources) {
  if (diagnostic.ruleId != "PRS002" ||
      sources.sourceLine(diagnostic.location).find("{{resolve:") == std::string::npos)
    return std::nullopt;
  ir::Diagnostic finding = diagnostic;
  finding.ruleId = "MIG018";
  finding.severity = ir::Severity::Warning;
  finding.message =
      "a dynamic reference written without Jinja escaping: Jinja reads {{resolve:...}} "
      "as an expression; write {{ '{{resolve:...}}' }}";
  return finding;
}

// What lint reports as a finding of a diagnostic that is no catalog finding itself.
std::optional<ir::Diagnostic> findingOf(const ir::Diagnostic& diagnostic,
                                        const ir::Diagnostics& sources) {
  if (auto finding = undeclaredInput(diagnostic, sources))
    return finding;
  return unescapedDynamicReference(diagnostic, sources);
}

// Catalog diagnostics become findings; the rest stay diagnostics (input errors, PRS warnings).
void collectCatalogDiagnostics(LintOutcome& outcome) {
  for (const ir::Diagnostic& diagnostic : outcome.diagnostics.all()) {
    if (isCatalogFinding(diagnostic))
      outcome.findings.push_back(diagnostic);
    else if (auto finding = findingOf(diagnostic, outcome.diagnostics))
      outcome.findings.push_back(*finding);
    else if (diagnostic.severity == ir::Severity::Error)
      outcome.inputError = true;
  }
}

} // namespace

std::optional<FailOn> failOnOption(const std::string& word) {
  if (word == "error")
    return FailOn{false, ir::Severity::Error};
  if (word == "warning")
    return FailOn{false, ir::Severity::Warning};
  if (word == "never")
    return FailOn{true, ir::Severity::Error};
  return std::nullopt;
}

bool reachesThreshold(const std::vector<ir::Diagnostic>& findings, const FailOn& threshold) {
  return !threshold.never &&
         std::any_of(findings.begin(), findings.end(), [&](const ir::Diagnostic& finding) {
           return finding.severity >= threshold.least;
         });
}

bool isCatalogFinding(const ir::Diagnostic& diagnostic) {
  return ir::lint::findRule(diagnostic.ruleId) != nullptr;
}

bool isReportedAsFinding(const ir::Diagnostic& diagnostic, const ir::Diagnostics& sources) {
  return isCatalogFinding(diagnostic) || findingOf(diagnostic, sources).has_value();
}

LintOutcome lintBundles(const std::vector<std::string>& paths, const po::variables_map& values,
                        const ir::lint::LintOptions& options) {
  LintOutcome outcome;
  auto bundles = loadBundles(paths, values, outcome.diagnostics);
  if (bundles && !bundles->empty())
    lintModel(*bundles, options, outcome);
  collectCatalogDiagnostics(outcome); // a bundle refused for MIG006 alone is a finding
  outcome.inputError = outcome.inputError || (!bundles && outcome.findings.empty());
  std::stable_sort(outcome.findings.begin(), outcome.findings.end(), locationOrder);
  outcome.findings.erase(std::unique(outcome.findings.begin(), outcome.findings.end(), sameFinding),
                         outcome.findings.end());
  return outcome;
}

bool LintGate::admit(ir::lint::LintResult& result) {
  ir::lint::applyTarget(result, target);
  findings.insert(findings.end(), result.findings.begin(), result.findings.end());
  bool admitted = !reachesThreshold(result.findings, failOn);
  stopped = stopped || !admitted;
  return admitted;
}

void printFindings(const std::vector<ir::Diagnostic>& findings, const ir::Diagnostics& sources,
                   std::ostream& out, unsigned threads) {
  backends::report::printClangStyle(findings, sources, out, threads);
}

} // namespace pm::driver
