// The lint rule catalog (docs/lint.md): every rule's id, title, default severity, help text and
// documentation anchor, as data. Passes report by id; the report writers read the rest here.
#pragma once

#include "ir/diagnostics.h"

#include <string>
#include <string_view>
#include <vector>

namespace pm::ir::lint {

struct RuleInfo {
  std::string_view id;
  std::string_view title;
  Severity severity;               // the default level
  std::string_view severityDetail; // the catalog's wording, e.g. "warning, error (prod)"
  bool starred = false;            // one of the 15 most valuable rules
  std::string_view help;

  std::string anchor() const; // "lint.md#sec001", relative to docs/
};

const std::vector<RuleInfo>& ruleCatalog();
// nullptr for an id the catalog does not hold (PRS*, backend rules).
const RuleInfo* findRule(std::string_view id);

} // namespace pm::ir::lint
