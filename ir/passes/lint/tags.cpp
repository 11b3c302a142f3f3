// TAG001 (mandatory tags on every taggable resource), TAG002 (the tag vocabulary), TAG005 (one
// value per key) and MIG022 (tags only Proton applied, and tag keys AWS reserves).
#include "ir/passes/lint/rule_families.h"
#include "ir/passes/lint/stateful_types.h"
#include "ir/type_table.h"

#include <array>
#include <map>
#include <set>

namespace pm::ir::lint {

namespace {

// lint-rules.md TAG001; App may be spelled Service.
constexpr std::array<std::string_view, 5> kRequiredTags{"Owner", "CostCenter", "App", "Environment",
                                                        "DataClassification"};
constexpr std::string_view kAppAlias = "Service";
// TAG002: the configured vocabularies (lint-rules.md; the classification levels of seed 004).
constexpr std::array<std::string_view, 7> kEnvironments{"dev",  "test",       "stg",    "staging",
                                                        "prod", "production", "sandbox"};
constexpr std::array<std::string_view, 7> kClassifications{
    "public", "internal", "confidential", "secret", "personal", "specific-personal", "cardholder"};

template <std::size_t N>
bool isOneOf(const std::string& value, const std::array<std::string_view, N>& allowed) {
  for (std::string_view word : allowed)
    if (value == word)
      return true;
  return false;
}

struct TagKeys {
  std::set<std::string> keys;
  std::vector<std::pair<std::string, SourceLocation>> located;
  bool known = true; // false when a tag list is not written out (an input, a loop)
};

// CloudFormation writes tags as [{Key, Value}] on most types and as a map on a few (and SAM).
TagKeys tagKeys(const ExprPtr& tags) {
  TagKeys found;
  if (!tags)
    return found;
  if (tags->kind() == ExprKind::Map) {
    for (const MapEntry& entry : tags->entries()) {
      found.keys.insert(entry.key);
      found.located.emplace_back(entry.key, entry.keyLocation);
    }
    return found;
  }
  if (tags->kind() != ExprKind::List) {
    found.known = false;
    return found;
  }
  for (const ExprPtr& tag : tags->items()) {
    ExprPtr key = member(tag, "Key");
    auto text = scalarText(key);
    if (!text) {
      found.known = false;
      continue;
    }
    found.keys.insert(*text);
    found.located.emplace_back(*text, key->location());
  }
  return found;
}

bool isTaggable(const Resource& resource) {
  const ResourceType* type = TypeTable::instance().find(resource.type);
  return type && type->property("Tags");
}

void checkMandatory(LintContext& context, const Resource& resource, const TagKeys& tags) {
  if (!tags.known)
    return;
  std::string missing;
  for (std::string_view required : kRequiredTags) {
    bool present = tags.keys.contains(std::string(required)) ||
                   (required == "App" && tags.keys.contains(std::string(kAppAlias)));
    if (!present)
      missing += (missing.empty() ? "" : ", ") + std::string(required);
  }
  if (missing.empty())
    return;
  bool classificationMissing = !tags.keys.contains("DataClassification");
  Severity severity =
      context.production() || (isStatefulType(resource.type) && classificationMissing)
          ? Severity::Error
          : Severity::Warning;
  context.report("TAG001", severity, &resource, resource.location,
                 resource.type + " '" + resource.logicalId + "' lacks the mandatory tags " +
                     missing);
}

void checkReservedKeys(LintContext& context, const Resource& resource, const TagKeys& tags) {
  for (const auto& [key, location] : tags.located)
    if (key.starts_with("aws:"))
      context.report("MIG022", Severity::Error, &resource, location,
                     "tag key '" + key + "' of '" + resource.logicalId +
                         "': AWS reserves the aws: prefix and rejects it");
}

// TAG002: a required key spelled another way, or a value outside its vocabulary.
void checkVocabulary(LintContext& context, const Resource& resource, const ExprPtr& tags) {
  for (const ExprPtr& tag : asList(tags)) {
    ExprPtr keyExpr = member(tag, "Key");
    auto key = scalarText(keyExpr);
    auto value = scalarText(member(tag, "Value"));
    if (!key)
      continue;
    for (std::string_view required : kRequiredTags)
      if (*key != required && lowercase(*key) == lowercase(std::string(required)))
        context.report("TAG002", Severity::Warning, &resource, keyExpr->location(),
                       "tag key '" + *key + "' of '" + resource.logicalId + "' should be spelled " +
                           std::string(required));
    bool outside = value && ((*key == "Environment" && !isOneOf(*value, kEnvironments)) ||
                             (*key == "DataClassification" && !isOneOf(*value, kClassifications)));
    if (outside)
      context.report("TAG002", Severity::Warning, &resource, member(tag, "Value")->location(),
                     "tag " + *key + " of '" + resource.logicalId + "' has the value '" + *value +
                         "', outside its vocabulary");
  }
}

// TAG005: one key with different literal values on the resources of one template.
void checkConsistentValues(LintContext& context) {
  std::map<std::string, std::pair<std::string, const Resource*>> first;
  for (const Resource& resource : context.module().resources)
    for (const ExprPtr& tag : asList(property(resource, "Tags"))) {
      auto key = scalarText(member(tag, "Key"));
      auto value = scalarText(member(tag, "Value"));
      if (!key || !value || *key == "Name")
        continue;
      auto [known, added] = first.emplace(*key, std::make_pair(*value, &resource));
      if (!added && known->second.first != *value)
        context.report("TAG005", Severity::Warning, &resource, member(tag, "Value")->location(),
                       "tag " + *key + " is '" + *value + "' here but '" + known->second.first +
                           "' on '" + known->second.second->logicalId +
                           "': lift it to one stack-level value");
    }
}

// IAM conditions keyed on the tags Proton applied: nothing applies them after migration.
void checkProtonTagConditions(LintContext& context) {
  walkModule(context.module(), [&](const Expr& node, const Resource* resource) {
    if (node.kind() != ExprKind::Map)
      return;
    for (const MapEntry& entry : node.entries())
      if (entry.key.find("Tag/aws:proton:") != std::string::npos ||
          entry.key.find("Tag/proton:") != std::string::npos)
        context.report("MIG022", Severity::Warning, resource, entry.keyLocation,
                       "a condition on the Proton-managed tag '" + entry.key +
                           "': nothing applies it after the migration");
  });
}

} // namespace

void checkTags(LintContext& context) {
  for (const Resource& resource : context.module().resources) {
    if (!isTaggable(resource))
      continue;
    TagKeys tags = tagKeys(property(resource, "Tags"));
    checkMandatory(context, resource, tags);
    checkReservedKeys(context, resource, tags);
    checkVocabulary(context, resource, property(resource, "Tags"));
  }
  checkProtonTagConditions(context);
  checkConsistentValues(context);
}

} // namespace pm::ir::lint
