// Running the families over each module.
#include "ir/passes/lint/lint_pass.h"

#include "ir/passes/lint/rule_families.h"
#include "ir/thread_pool.h"

#include <deque>
#include <iterator>
#include <vector>

namespace pm::ir::lint {

namespace {

using Family = void (*)(LintContext&);

// lint-rules.md §8 "Order of passes": input and namespace rules, then the features that decide
// whether emission is possible, then the graph rules, then identities and retention.
constexpr Family kFamilies[] = {
    checkInputUse,        checkTemplateFeatures, checkPropertyRules,      checkIamPolicies,
    checkIngressRules,    checkSecrets,          checkRuntimes,           checkTags,
    checkLogging,         checkWorkloads,        checkClassification,     checkSystem,
    checkHardCodedValues, checkLifecycle,        checkSuppressionReasons,
};

} // namespace

void runLint(const ModuleGraph& graph, const Diagnostics& sources, const LintOptions& options,
             LintResult& result, unsigned threads) {
  // Each module into a result of its own, joined in module order.
  const std::deque<Module>& modules = graph.modules();
  std::vector<LintResult> byModule(modules.size());
  runJobs(modules.size(), threads, [&](std::size_t index) {
    LintContext context(graph, modules[index], sources, options, byModule[index]);
    for (Family family : kFamilies)
      family(context);
  });
  for (LintResult& found : byModule) {
    std::move(found.findings.begin(), found.findings.end(), std::back_inserter(result.findings));
    result.suppressed += found.suppressed;
  }
  applyTarget(result, options.target);
}

void applyTarget(LintResult& result, const std::string& target) {
  if (target.empty())
    return;
  for (Diagnostic& finding : result.findings)
    if (finding.ruleId == "MIG014")
      finding.severity = target == "terraform" ? Severity::Error : Severity::Info;
}

} // namespace pm::ir::lint
