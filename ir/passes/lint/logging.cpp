// OBS001 for the log groups services create implicitly (the LogGroup rows are in
// property_rules.cpp) and OBS004 (a flow log on every VPC).
#include "ir/passes/lint/rule_families.h"

namespace pm::ir::lint {

namespace {

// A declared group the producer writes to: named after it (/aws/lambda/${Function}) or after
// its literal name.
bool hasDeclaredGroup(const Module& module, const Resource& producer, std::string_view prefix,
                      const ExprPtr& physicalName) {
  std::string literal = scalarText(physicalName).value_or("");
  for (const Resource& group : module.resources) {
    if (group.type != "AWS::Logs::LogGroup")
      continue;
    ExprPtr name = property(group, "LogGroupName");
    std::string text = patternText(name);
    if (text.find(prefix) != std::string::npos &&
        (refersTo(name, producer.logicalId) ||
         (!literal.empty() && text == std::string(prefix) + literal)))
      return true;
  }
  return false;
}

Severity retentionSeverity(const LintContext& context) {
  return context.production() ? Severity::Error : Severity::Warning;
}

void checkProducer(LintContext& context, const Resource& resource) {
  const Module& module = context.module();
  std::string subject = "'" + resource.logicalId + "'";
  if (resource.type == "AWS::Lambda::Function" && !property(resource, "LoggingConfig.LogGroup") &&
      !hasDeclaredGroup(module, resource, "/aws/lambda/", property(resource, "FunctionName")))
    context.report("OBS001", retentionSeverity(context), &resource, resource.location,
                   "function " + subject +
                       " writes to a log group Lambda creates implicitly, "
                       "which never expires: declare /aws/lambda/<name> with "
                       "RetentionInDays");
  if (resource.type == "AWS::CodeBuild::Project" &&
      !property(resource, "LogsConfig.CloudWatchLogs.GroupName") &&
      !hasDeclaredGroup(module, resource, "/aws/codebuild/", property(resource, "Name")))
    context.report("OBS001", retentionSeverity(context), &resource, resource.location,
                   "build project " + subject +
                       " writes to a log group CodeBuild creates "
                       "implicitly, which never expires");
  if (resource.type == "AWS::ECS::TaskDefinition")
    for (const ExprPtr& container : asList(property(resource, "ContainerDefinitions"))) {
      ExprPtr create = member(container, "LogConfiguration.Options.awslogs-create-group");
      if (scalarText(create).value_or("") == "true")
        context.report("OBS001", retentionSeverity(context), &resource, create->location(),
                       "a container of " + subject +
                           " lets awslogs create its log group, which never expires");
    }
}

void checkFlowLogs(LintContext& context, const Resource& vpc) {
  for (const Resource& resource : context.module().resources)
    if (resource.type == "AWS::EC2::FlowLog" &&
        refersTo(property(resource, "ResourceId"), vpc.logicalId))
      return;
  context.report("OBS004", Severity::Warning, &vpc, vpc.location,
                 "VPC '" + vpc.logicalId + "' has no flow log (AWS::EC2::FlowLog)");
}

} // namespace

void checkLogging(LintContext& context) {
  for (const Resource& resource : context.module().resources) {
    checkProducer(context, resource);
    if (resource.type == "AWS::EC2::VPC")
      checkFlowLogs(context, resource);
  }
}

} // namespace pm::ir::lint
