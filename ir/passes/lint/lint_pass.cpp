// Running the families over each module.
#include "ir/passes/lint/lint_pass.h"

#include "ir/passes/lint/rule_families.h"

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
             LintResult& result) {
  for (const Module& module : graph.modules()) {
    LintContext context(graph, module, sources, options, result);
    for (Family family : kFamilies)
      family(context);
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
