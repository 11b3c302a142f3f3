// MIG011: account IDs, Regions, partitions and Availability Zones written as literals, in the
// template or in schema defaults. One template is meant for every account and Region.
#include "ir/passes/lint/rule_families.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>
#include <vector>

namespace pm::ir::lint {

namespace {

// AWS-owned accounts a template legitimately names (Elastic Load Balancing log delivery).
constexpr std::array<std::string_view, 6> kAwsOwnedAccounts{
    "127311923021", "033677994240", "027434742980", "797873946194", "582318560864", "054676820928"};

// Region names: <area>-<direction>-<digit>, an Availability Zone adds one letter.
constexpr std::array<std::string_view, 9> kRegionAreas{"us", "eu", "ap", "sa", "ca",
                                                       "me", "af", "il", "mx"};
constexpr std::array<std::string_view, 9> kRegionDirections{"north",     "south",     "east",
                                                            "west",      "central",   "northeast",
                                                            "southeast", "northwest", "southwest"};

bool listed(std::string_view word, const auto& list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}
bool isWordCharacter(char c) {
  return (c >= 'a' && c <= 'z') || isDigit(c) || c == '-';
}

// The first maximal run of characters `belongs` accepts that `matches` accepts. The scans below
// replace std::regex searches (one per string value and pattern was a fifth of a conversion).
template <typename Belongs, typename Matches>
std::optional<std::string_view> firstRun(std::string_view text, Belongs belongs, Matches matches) {
  std::size_t at = 0;
  while (at < text.size()) {
    if (!belongs(text[at])) {
      ++at;
      continue;
    }
    std::size_t start = at;
    while (at < text.size() && belongs(text[at]))
      ++at;
    if (matches(text.substr(start, at - start)))
      return text.substr(start, at - start);
  }
  return std::nullopt;
}

// us-east-1, or with `zone` us-east-1a.
bool isRegionName(std::string_view token, bool zone) {
  std::size_t first = token.find('-');
  std::size_t second = first == std::string_view::npos ? first : token.find('-', first + 1);
  if (second == std::string_view::npos || !listed(token.substr(0, first), kRegionAreas) ||
      !listed(token.substr(first + 1, second - first - 1), kRegionDirections))
    return false;
  std::string_view number = token.substr(second + 1);
  return number.size() == (zone ? 2u : 1u) && isDigit(number[0]) &&
         (!zone || (number[1] >= 'a' && number[1] <= 'z'));
}

// The literal a pattern finds first in a text, if any.
using Finder = std::optional<std::string_view> (*)(std::string_view);

struct Pattern {
  Finder find;
  std::string_view what;
  std::string_view instead;
};

const std::vector<Pattern>& patterns() {
  static const std::vector<Pattern> table{
      // (^|[^0-9])([0-9]{12})([^0-9]|$)
      {[](std::string_view text) {
         return firstRun(text, isDigit, [](std::string_view run) { return run.size() == 12; });
       },
       "an account ID", "AWS::AccountId"},
      // (^|[^a-z0-9-])(<region>[a-z])([^a-z0-9-]|$)
      {[](std::string_view text) {
         return firstRun(text, isWordCharacter,
                         [](std::string_view run) { return isRegionName(run, true); });
       },
       "an Availability Zone", "Fn::GetAZs"},
      // (^|[^a-z0-9-])(<region>)([^a-z0-9-]|$)
      {[](std::string_view text) {
         return firstRun(text, isWordCharacter,
                         [](std::string_view run) { return isRegionName(run, false); });
       },
       "a Region", "AWS::Region"},
      // ^arn:aws:
      {[](std::string_view text) {
         return text.starts_with("arn:aws:") ? std::optional(text.substr(0, 8)) : std::nullopt;
       },
       "the aws partition", "AWS::Partition"},
  };
  return table;
}

bool isAwsOwned(std::string_view account) {
  for (std::string_view owned : kAwsOwnedAccounts)
    if (account == owned)
      return true;
  return false;
}

// The first hard-coded value `text` holds, with what it is.
std::optional<std::pair<std::string, const Pattern*>> hardCoded(const std::string& text) {
  for (const Pattern& pattern : patterns()) {
    std::optional<std::string_view> found = pattern.find(text);
    if (found && !isAwsOwned(*found))
      return std::make_pair(std::string(*found), &pattern);
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
