// Reading the suppression forms.
#include "ir/passes/lint/suppressions.h"

#include "ir/passes/lint/lint_context.h"
#include "ir/passes/lint/rule_anchors.h"

#include <algorithm>
#include <array>

namespace pm::ir::lint {

namespace {

// The ids a Metadata list names: plain strings, or maps with an `id` key ({id: W2, reason}).
std::vector<std::string> listedIds(const ExprPtr& list) {
  std::vector<std::string> ids;
  for (const ExprPtr& item : asList(list)) {
    if (auto text = scalarText(item))
      ids.push_back(*text);
    else if (auto id = scalarText(member(item, "id")))
      ids.push_back(*id);
  }
  return ids;
}

bool lists(const ExprPtr& list, std::string_view id) {
  std::vector<std::string> ids = listedIds(list);
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

bool listsAnchor(const ExprPtr& list, std::string_view rule, std::string_view tool) {
  for (const std::string& id : listedIds(list))
    if (isAnchor(rule, tool, id))
      return true;
  return false;
}

bool metadataSuppresses(std::string_view rule, const ExprPtr& metadata) {
  if (!metadata)
    return false;
  return lists(member(metadata, "proton-lint"), rule) ||
         listsAnchor(member(metadata, "cfn-lint.config.ignore_checks"), rule, "cfn-lint") ||
         listsAnchor(member(metadata, "cfn_nag.rules_to_suppress"), rule, "cfn_nag") ||
         listsAnchor(member(metadata, "checkov.skip"), rule, "checkov");
}

// The id that follows `marker` up to a separator; the ids after "proton-lint:ignore=" may be a
// comma-separated list.
bool commentNames(std::string_view line, std::string_view marker, std::string_view id) {
  for (std::size_t at = line.find(marker); at != std::string_view::npos;
       at = line.find(marker, at + 1)) {
    std::string_view rest = line.substr(at + marker.size());
    std::size_t end = rest.find_first_of(" \t#\"':");
    rest = rest.substr(0, end);
    while (!rest.empty()) {
      std::size_t comma = rest.find(',');
      if (rest.substr(0, comma) == id)
        return true;
      rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    }
  }
  return false;
}

bool lineSuppresses(std::string_view rule, std::string_view line) {
  if (line.find('#') == std::string_view::npos)
    return false;
  if (commentNames(line, "proton-lint:ignore=", rule))
    return true;
  for (const RuleAnchor& anchor : anchorsOf(rule)) {
    if (anchor.tool == "checkov" && commentNames(line, "checkov:skip=", anchor.check))
      return true;
    if (anchor.tool == "trivy" && (commentNames(line, "trivy:ignore:AVD-", anchor.check) ||
                                   commentNames(line, "trivy:ignore:", anchor.check)))
      return true;
  }
  return false;
}

bool commentSuppresses(std::string_view rule, const SourceLocation& at,
                       const Diagnostics& sources) {
  if (!at.known())
    return false;
  for (int line : {at.line, at.line - 1})
    if (lineSuppresses(rule, sources.lineText(at.file, line)))
      return true;
  return false;
}

} // namespace

bool isSuppressed(std::string_view ruleId, const Resource* resource, const SourceLocation& at,
                  const Diagnostics& sources) {
  if (resource && (metadataSuppresses(ruleId, resource->metadata) ||
                   commentSuppresses(ruleId, resource->location, sources)))
    return true;
  return commentSuppresses(ruleId, at, sources);
}

void checkSuppressionReasons(LintContext& context) {
  for (const Resource& resource : context.module().resources)
    for (const ExprPtr& entry : asList(member(resource.metadata, "proton-lint"))) {
      auto id = scalarText(member(entry, "id"));
      if (!id)
        id = scalarText(entry);
      if (id && scalarText(member(entry, "reason")).value_or("").empty())
        context.reportAlways(*id, Severity::Warning, entry->location(),
                             "'" + resource.logicalId + "' suppresses " + *id +
                                 " without a reason: say why in `reason`");
    }
}

} // namespace pm::ir::lint
