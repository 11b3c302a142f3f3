// MIG011: account IDs, Regions, partitions and Availability Zones written as literals, in the
// template or in schema defaults. One template is meant for every account and Region.
#include "ir/passes/lint/rule_families.h"

#include <array>
#include <regex>

namespace pm::ir::lint {

namespace {

// AWS-owned accounts a template legitimately names (Elastic Load Balancing log delivery).
constexpr std::array<std::string_view, 6> kAwsOwnedAccounts{
    "127311923021", "033677994240", "027434742980", "797873946194", "582318560864", "054676820928"};

struct Pattern {
  std::regex regex;
  std::string_view what;
  std::string_view instead;
};

const std::vector<Pattern>& patterns() {
  static const std::string region =
      "(us|eu|ap|sa|ca|me|af|il|mx)-(north|south|east|west|central|northeast|southeast|"
      "northwest|southwest)-[0-9]";
  static const std::vector<Pattern> table{
      {std::regex("(^|[^0-9])([0-9]{12})([^0-9]|$)"), "an account ID", "AWS::AccountId"},
      {std::regex("(^|[^a-z0-9-])(" + region + "[a-z])([^a-z0-9-]|$)"), "an Availability Zone",
       "Fn::GetAZs"},
      {std::regex("(^|[^a-z0-9-])(" + region + ")([^a-z0-9-]|$)"), "a Region", "AWS::Region"},
      {std::regex("(^)(arn:aws:)"), "the aws partition", "AWS::Partition"},
  };
  return table;
}

bool isAwsOwned(const std::string& account) {
  for (std::string_view owned : kAwsOwnedAccounts)
    if (account == owned)
      return true;
  return false;
}

// The first hard-coded value `text` holds, with what it is.
std::optional<std::pair<std::string, const Pattern*>> hardCoded(const std::string& text) {
  for (const Pattern& pattern : patterns()) {
    std::smatch match;
    if (std::regex_search(text, match, pattern.regex) && !isAwsOwned(match[2].str()))
      return std::make_pair(match[2].str(), &pattern);
  }
  return std::nullopt;
}

std::string literalText(const Expr& node) {
  if (node.kind() == ExprKind::String)
    return node.text();
  std::string text; // a Sub's literal pieces, a space where a variable was
  if (node.kind() == ExprKind::Sub)
    for (const SubPart& part : node.sub().parts)
      text += part.kind == SubPart::Kind::Text ? part.text : " ";
  return text;
}

void check(LintContext& context, const Resource* resource, const Expr& node,
           const std::string& where) {
  auto found = hardCoded(literalText(node));
  if (found)
    context.report("MIG011", Severity::Warning, resource, node.location(),
                   where + " hard-codes " + std::string(found->second->what) + " (" + found->first +
                       "): use " + std::string(found->second->instead));
}

} // namespace

void checkHardCodedValues(LintContext& context) {
  walkModule(context.module(), [&](const Expr& node, const Resource* resource) {
    if (resource && (node.kind() == ExprKind::String || node.kind() == ExprKind::Sub))
      check(context, resource, node, "'" + resource->logicalId + "'");
  });
  for (const Input& input : context.module().inputs)
    if (input.defaultValue && !input.isContext)
      check(context, nullptr, *input.defaultValue, "the default of input '" + input.name + "'");
}

} // namespace pm::ir::lint
