// Suppressions of a finding: our own `proton-lint` Metadata entry and `proton-lint:ignore=`
// comment, and the forms of the linters the catalog anchors each rule to (lint-rules.md §1.4):
// cfn-lint `Metadata.cfn-lint.config.ignore_checks`, cfn_nag `Metadata.cfn_nag.rules_to_suppress`,
// checkov `Metadata.checkov.skip` and `checkov:skip=` comments, trivy `trivy:ignore:` comments.
#pragma once

#include "ir/diagnostics.h"
#include "ir/resource.h"

#include <string_view>

namespace pm::ir::lint {

// True when `resource`'s Metadata (may be null) or a comment on the finding's line, the line
// above it, the resource's line or the line above that suppresses `ruleId`.
bool isSuppressed(std::string_view ruleId, const Resource* resource, const SourceLocation& at,
                  const Diagnostics& sources);

class LintContext;
// lint-rules.md §1.4: a `proton-lint` suppression without a reason is itself a warning (under
// the rule it suppresses, which it cannot silence).
void checkSuppressionReasons(LintContext& context);

} // namespace pm::ir::lint
