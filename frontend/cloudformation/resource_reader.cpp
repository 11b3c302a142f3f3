// Resources and their attributes, per the CloudFormation "Resources" and "Resource attribute
// reference" pages.
#include "frontend/cloudformation/resource_reader.h"

#include "frontend/cloudformation/rules.h"
#include "frontend/cloudformation/template_values.h"

#include <fmt/format.h>
#include <string_view>

namespace pm::frontend {

namespace {

constexpr std::string_view kResourceAttributes =
    "Type, Properties, DependsOn, Condition, DeletionPolicy, UpdateReplacePolicy, UpdatePolicy, "
    "CreationPolicy, Metadata";

// An attribute CloudFormation does not define. SAM adds Connectors to its resources; on other
// AWS::Serverless::* resources the SAM translator drops attributes it does not know (the
// corpus has a `Description` next to Type), so those are warnings rather than errors.
void reportUnknownAttribute(const ir::Resource& resource, const ir::MapEntry& entry,
                            bool serverless, ir::Diagnostics& diagnostics) {
  bool samResource = serverless && resource.type.starts_with("AWS::Serverless::");
  if (samResource && entry.key == "Connectors")
    return;
  if (!samResource)
    return reportUnknownKey(entry, "resource attribute", kResourceAttributes, diagnostics);
  diagnostics.warning(kTemplateStructureRule, entry.keyLocation,
                      fmt::format("unknown resource attribute '{}' on a {} resource; the "
                                  "Serverless transform ignores it",
                                  entry.key, resource.type));
}

void readType(ir::Resource& resource, const ir::ExprPtr& value, ir::Diagnostics& diagnostics) {
  if (value->kind() != ir::ExprKind::String || value->text().empty()) {
    diagnostics.error(kTemplateStructureRule, value->location(),
                      fmt::format("the Type of resource '{}' must be a resource type name such "
                                  "as AWS::S3::Bucket",
                                  resource.logicalId));
    return;
  }
  resource.type = value->text();
  resource.typeLocation = value->location();
}

void readProperties(ir::Resource& resource, const ir::ExprPtr& value,
                    ir::Diagnostics& diagnostics) {
  bool literal = value->kind() == ir::ExprKind::List || value->kind() == ir::ExprKind::String ||
                 value->kind() == ir::ExprKind::Number || value->kind() == ir::ExprKind::Bool;
  if (literal)
    diagnostics.error(
        kTemplateStructureRule, value->location(),
        fmt::format("the Properties of resource '{}' must be a map", resource.logicalId));
  // An empty "Properties:" is a null, which CloudFormation treats as no properties.
  if (value->kind() != ir::ExprKind::Null)
    resource.properties = value;
}

void readAttribute(ir::Resource& resource, const ir::MapEntry& entry,
                   ir::Diagnostics& diagnostics) {
  const std::string& key = entry.key;
  const ir::ExprPtr& value = entry.value;
  if (key == "Type") {
    readType(resource, value, diagnostics);
  } else if (key == "Properties") {
    readProperties(resource, value, diagnostics);
  } else if (key == "DependsOn") {
    resource.dependsOn = readNameList(value, "each DependsOn entry", diagnostics);
  } else if (key == "Condition") {
    if (auto name = requireString(value, "the Condition of a resource", diagnostics))
      resource.condition = ir::LocatedName{*name, value->location()};
  } else if (key == "DeletionPolicy") {
    resource.deletionPolicy = value;
  } else if (key == "UpdateReplacePolicy") {
    resource.updateReplacePolicy = value;
  } else if (key == "UpdatePolicy") {
    resource.updatePolicy = value;
  } else if (key == "CreationPolicy") {
    resource.creationPolicy = value;
  } else if (key == "Metadata") {
    resource.metadata = value;
  } else {
    resource.otherAttributes.push_back(entry); // reported once the Type is known
  }
}

} // namespace

std::optional<ir::Resource> readResource(const ir::MapEntry& entry, bool serverless,
                                         ir::Diagnostics& diagnostics) {
  if (!entry.value || entry.value->kind() != ir::ExprKind::Map) {
    diagnostics.error(
        kTemplateStructureRule, entry.keyLocation,
        fmt::format("resource '{}' must be a map with a Type and Properties", entry.key));
    return std::nullopt;
  }
  ir::Resource resource;
  resource.logicalId = entry.key;
  resource.location = entry.keyLocation;
  checkLogicalId(entry.key, entry.keyLocation, "resource", diagnostics);
  for (const ir::MapEntry& attribute : entry.value->entries())
    readAttribute(resource, attribute, diagnostics);
  for (const ir::MapEntry& attribute : resource.otherAttributes)
    reportUnknownAttribute(resource, attribute, serverless, diagnostics);
  if (!entry.value->find("Type"))
    diagnostics.error(kTemplateStructureRule, entry.keyLocation,
                      fmt::format("resource '{}' has no Type; every resource needs one, such as "
                                  "'Type: AWS::S3::Bucket'",
                                  entry.key));
  return resource;
}

} // namespace pm::frontend
