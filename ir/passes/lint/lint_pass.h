// The lint pass (DESIGN.md "Passes": fold -> lint -> name): runs every rule family of the
// catalog (rule_catalog.h) over each module and collects the findings apart from the input
// diagnostics, so a finding of severity error does not stop a conversion by itself.
#pragma once

#include "ir/diagnostics.h"
#include "ir/module_graph.h"

#include <cstddef>
#include <string>
#include <vector>

namespace pm::ir::lint {

struct LintOptions {
  // The emit target ("terraform", "cdk", "servicecatalog"); empty for `lint` without one.
  std::string target;
  // The production profile (lint-rules.md §1.2) forced on; otherwise each module resolves it.
  bool production = false;
  // The model was read in rendered mode: inputs are folded into literals, so the rules about
  // input use (MIG001, MIG002) have nothing to see.
  bool rendered = false;
};

struct LintResult {
  std::vector<Diagnostic> findings; // in module, then rule family, then source order
  std::size_t suppressed = 0;       // findings a suppression covered
};

// `sources` gives the text of the files the readers registered (comment suppressions).
// Modules are linted on `threads` threads; the findings and their order do not depend on it.
void runLint(const ModuleGraph& graph, const Diagnostics& sources, const LintOptions& options,
             LintResult& result, unsigned threads = 1);

// MIG014's level depends on the target (lint-rules.md §1.3): an error for Terraform, info for
// the targets that still deploy CloudFormation. Findings made without a target are re-levelled.
void applyTarget(LintResult& result, const std::string& target);

} // namespace pm::ir::lint
