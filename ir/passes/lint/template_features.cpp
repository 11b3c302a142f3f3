// MIG014: CloudFormation features with no Terraform aws-provider equivalent. Reported as a
// warning without a target; applyTarget() makes it an error for Terraform and info for the
// targets that still deploy CloudFormation (lint-rules.md §1.3). MIG021: Terraform-based
// templates read their inputs through Proton's generated object variables.
#include "ir/passes/lint/rule_families.h"

#include <array>
#include <filesystem>

namespace pm::ir::lint {

namespace {

constexpr std::array<std::string_view, 4> kFeatureTypes{
    "AWS::CloudFormation::WaitCondition", "AWS::CloudFormation::WaitConditionHandle",
    "AWS::CloudFormation::Stack", "AWS::CloudFormation::StackSet"};

void feature(LintContext& context, const Resource* resource, const SourceLocation& at,
             const std::string& what) {
  context.report("MIG014", Severity::Warning, resource, at,
                 what + " has no Terraform aws-provider equivalent: it needs an explicit "
                        "translation strategy");
}

bool isCustomResource(const Resource& resource) {
  return resource.type.starts_with("Custom::") ||
         resource.type == "AWS::CloudFormation::CustomResource" ||
         (resource.properties && resource.properties->kind() == ExprKind::Map &&
          resource.properties->find("ServiceToken"));
}

bool isFeatureType(std::string_view type) {
  for (std::string_view feature : kFeatureTypes)
    if (type == feature)
      return true;
  return false;
}

void checkResource(LintContext& context, const Resource& resource) {
  std::string subject = "'" + resource.logicalId + "'";
  if (isCustomResource(resource))
    feature(context, &resource, resource.typeLocation, "custom resource " + subject);
  else if (isFeatureType(resource.type))
    feature(context, &resource, resource.typeLocation, resource.type + " " + subject);
  if (resource.creationPolicy)
    feature(context, &resource, resource.creationPolicy->location(),
            "the CreationPolicy of " + subject);
  if (resource.updatePolicy)
    feature(context, &resource, resource.updatePolicy->location(),
            "the UpdatePolicy of " + subject);
  if (ExprPtr init = member(resource.metadata, "AWS::CloudFormation::Init"))
    feature(context, &resource, init->location(),
            "AWS::CloudFormation::Init metadata of " + subject);
}

void checkExpressions(LintContext& context) {
  walkModule(context.module(), [&](const Expr& node, const Resource* resource) {
    if (node.kind() == ExprKind::ImportValue)
      feature(context, resource, node.location(), "Fn::ImportValue");
  });
  for (const Output& output : context.module().outputs)
    if (output.exportName)
      feature(context, nullptr, output.exportName->location(),
              "the export of output '" + output.name + "'");
}

// A Terraform part's module is read from its folder; CloudFormation modules from one file.
bool isTerraformModule(const Module& module) {
  return !module.sourcePath.empty() && std::filesystem::path(module.sourcePath).extension().empty();
}

} // namespace

void checkTemplateFeatures(LintContext& context) {
  const Module& module = context.module();
  if (isTerraformModule(module))
    context.report("MIG021", Severity::Info, nullptr, {module.sourcePath, 0, 0},
                   "a Terraform-based Proton template: it reads its inputs through the object "
                   "variables Proton generated (var.environment.inputs.x, "
                   "var.service_instance.inputs.x), which the conversion flattens into typed "
                   "variables");
  for (const std::string& transform : module.transforms)
    feature(context, nullptr, module.location, "the transform " + transform);
  for (const MapEntry& section : module.otherSections)
    if (section.key == "Rules" || section.key == "Hooks")
      feature(context, nullptr, section.keyLocation, "the " + section.key + " section");
  for (const Resource& resource : module.resources)
    checkResource(context, resource);
  checkExpressions(context);
}

} // namespace pm::ir::lint
