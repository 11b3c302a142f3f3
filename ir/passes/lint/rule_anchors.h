// The rules of other linters each catalog rule corresponds to (lint-rules.md §4, "anchors"):
// a suppression of one of them suppresses our rule too.
#pragma once

#include <string_view>
#include <vector>

namespace pm::ir::lint {

struct RuleAnchor {
  std::string_view rule;  // ours, e.g. "SEC002"
  std::string_view tool;  // "cfn_nag", "checkov", "trivy" or "cfn-lint"
  std::string_view check; // theirs, e.g. "W2", "CKV_AWS_24", "AWS-0107", "E2533"
};

const std::vector<RuleAnchor>& ruleAnchors();
// The anchors of one rule, in table order (empty for a rule without any).
const std::vector<RuleAnchor>& anchorsOf(std::string_view rule);
// True when `check` of `tool` is an anchor of `rule`.
bool isAnchor(std::string_view rule, std::string_view tool, std::string_view check);

} // namespace pm::ir::lint
