// Checking resource types, their top-level properties and Fn::GetAtt attributes against the
// CloudFormation type table, with "did you mean" hints for near misses.
#include "ir/passes/check_types.h"

#include "ir/edit_distance.h"

#include "ir/guard_evaluation.h"
#include "ir/reporting_jobs.h"
#include "ir/reference.h"

#include <algorithm>
#include <fmt/format.h>
#include <string_view>

namespace pm::ir {

namespace {

// "; did you mean 'X'?" for the closest candidate within a typo's distance, or "".
template <typename Names> std::string suggestion(std::string_view written, const Names& names) {
  std::string_view best;
  std::size_t bestDistance = 3;
  for (std::string_view name : names) {
    if (name.find('*') != std::string_view::npos)
      continue; // a pattern, not a name anyone writes
    std::size_t distance = editDistanceBelow(name, written, bestDistance);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = name;
    }
  }
  return best.empty() ? std::string() : fmt::format("; did you mean '{}'?", best);
}

// Types the table cannot know: custom resources take any properties and attributes, and
// registry modules (Org::Service::Name::MODULE) are expanded by CloudFormation.
bool isOpenType(std::string_view type) {
  return type.starts_with("Custom::") || type == "AWS::CloudFormation::CustomResource" ||
         type.ends_with("::MODULE");
}

// A macro other than SAM may define resource types of its own; SAM only adds
// AWS::Serverless::* types, and the table knows the common ones.
bool typesMayComeFromTransform(const Module& module, std::string_view type) {
  for (const std::string& transform : module.transforms) {
    if (transform != kServerlessTransform)
      return true;
    if (type.starts_with("AWS::Serverless::"))
      return true;
  }
  return false;
}

void checkType(const Module& module, const Resource& resource, const TypeTable& table,
               Diagnostics& diagnostics) {
  if (isOpenType(resource.type) || typesMayComeFromTransform(module, resource.type))
    return;
  diagnostics.warning(kUnknownResourceTypeRule, resource.typeLocation,
                      fmt::format("resource '{}' has type '{}', which is not a CloudFormation "
                                  "resource type the type table knows (a private registry type "
                                  "or a type newer than the table is not checked){}",
                                  resource.logicalId, resource.type,
                                  suggestion(resource.type, table.typeNames())));
}

// A warning, not an error: a property newer than the table or one a type's handler still
// accepts must reach the deployed template, so every target carries it (or says it cannot).
void checkUnknownProperties(const Resource& resource, const ResourceType& type,
                            Diagnostics& diagnostics) {
  std::vector<std::string_view> names;
  for (const PropertyInfo& property : type.properties())
    names.push_back(property.name);
  for (const MapEntry& entry : resource.properties->entries()) {
    if (type.property(entry.key))
      continue;
    diagnostics.warning(kPropertyProblemRule, entry.keyLocation,
                        fmt::format("'{}' is not a property of {} (resource '{}'){}; it is "
                                    "passed through as written",
                                    entry.key, type.name(), resource.logicalId,
                                    suggestion(entry.key, names)));
  }
}

// A required property set to an intrinsic that may yield AWS::NoValue (Fn::If) counts as
// present: only the deployed values can tell.
void checkRequiredProperties(const Resource& resource, const ResourceType& type,
                             Diagnostics& diagnostics) {
  for (const PropertyInfo& property : type.properties()) {
    if (!property.required)
      continue;
    const MapEntry* entry =
        resource.properties ? resource.properties->find(property.name) : nullptr;
    if (entry && !isNoValue(entry->value))
      continue;
    diagnostics.error(kPropertyProblemRule, resource.location,
                      fmt::format("resource '{}' of type {} lacks the required property '{}'",
                                  resource.logicalId, type.name(), property.name));
  }
}

void checkProperties(const Resource& resource, const ResourceType& type, Diagnostics& diagnostics) {
  if (type.isTransformType())
    return; // SAM expands these; its own validation applies
  bool literalMap = resource.properties && resource.properties->kind() == ExprKind::Map;
  if (resource.properties && !literalMap)
    return; // the whole property map is an intrinsic (Fn::If): nothing to check statically
  if (literalMap)
    checkUnknownProperties(resource, type, diagnostics);
  checkRequiredProperties(resource, type, diagnostics);
}

void checkAttribute(const Module& module, const Reference& reference, const TypeTable& table,
                    Diagnostics& diagnostics) {
  const Resource* target = module.findResource(reference.to);
  const ResourceType* type = target ? table.find(target->type) : nullptr;
  if (!type || reference.attribute.empty() || type->hasAttribute(reference.attribute))
    return;
  std::string_view how = reference.kind == ReferenceKind::GetAtt ? "Fn::GetAtt" : "Fn::Sub";
  diagnostics.error(kUnknownAttributeRule, reference.location,
                    fmt::format("{} asks '{}' ({}) for attribute '{}', which that type does not "
                                "have{}",
                                how, reference.to, type->name(), reference.attribute,
                                suggestion(reference.attribute, type->attributes())));
}

} // namespace

void runCheckTypes(Module& module, const TypeTable& table, Diagnostics& diagnostics) {
  for (const Resource& resource : module.resources) {
    const ResourceType* type = table.find(resource.type);
    if (!type)
      checkType(module, resource, table, diagnostics);
    else
      checkProperties(resource, *type, diagnostics);
  }
  for (const Reference& reference : collectReferences(module)) {
    bool attributeReference =
        reference.kind == ReferenceKind::GetAtt ||
        (reference.kind == ReferenceKind::Sub && !reference.attribute.empty());
    if (attributeReference && reference.targetKind == TargetKind::Resource)
      checkAttribute(module, reference, table, diagnostics);
  }
}

void runCheckTypes(Module& module, Diagnostics& diagnostics) {
  const TypeTable& table = TypeTable::instance();
  if (!table.loaded()) {
    diagnostics.warning(kUnknownResourceTypeRule, SourceLocation{module.sourcePath, 0, 0},
                        table.loadError() + "; resource types are not checked");
    return;
  }
  runCheckTypes(module, table, diagnostics);
}

void runCheckTypes(ModuleGraph& graph, Diagnostics& diagnostics, unsigned threads) {
  const TypeTable& table = TypeTable::instance();
  if (!table.loaded()) {
    diagnostics.warning(kUnknownResourceTypeRule, SourceLocation{},
                        table.loadError() + "; resource types are not checked");
    return;
  }
  forEachModule(graph, diagnostics, threads,
                [&](Module& module, Diagnostics& found) { runCheckTypes(module, table, found); });
}

} // namespace pm::ir
