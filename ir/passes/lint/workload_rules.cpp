// Rules over a resource and the resources around it: SEC005 (HTTP listeners), SEC009 (ECS task
// roles), OBS002 (container logs), OBS003 (load balancer access logs), REL005 (dead-letter
// queues), REL007 (approvals), COST002 (NAT gateways), COST007 (idle Elastic IPs).
#include "ir/passes/lint/rule_families.h"

namespace pm::ir::lint {

namespace {

std::string subject(const Resource& resource) {
  return resource.type + " '" + resource.logicalId + "'";
}

bool isReferenced(const Module& module, const Resource& target) {
  for (const Resource& resource : module.resources)
    if (resource.logicalId != target.logicalId && refersTo(resource.properties, target.logicalId))
      return true;
  for (const Output& output : module.outputs)
    if (refersTo(output.value, target.logicalId))
      return true;
  return false;
}

void checkListener(LintContext& context, const Resource& listener) {
  if (scalarText(property(listener, "Protocol")).value_or("") != "HTTP")
    return;
  for (const ExprPtr& action : asList(property(listener, "DefaultActions")))
    if (scalarText(member(action, "Type")).value_or("") == "redirect")
      return;
  context.report("SEC005", Severity::Error, &listener, property(listener, "Protocol")->location(),
                 subject(listener) + " serves plain HTTP without redirecting to HTTPS");
}

void checkTaskDefinition(LintContext& context, const Resource& task) {
  ExprPtr taskRole = property(task, "TaskRoleArn");
  ExprPtr executionRole = property(task, "ExecutionRoleArn");
  std::string taskId = referencedResource(taskRole);
  if (!taskId.empty() && taskId == referencedResource(executionRole))
    context.report("SEC009", Severity::Warning, &task, taskRole->location(),
                   subject(task) + " uses one role as task role and execution role");
  for (const ExprPtr& container : asList(property(task, "ContainerDefinitions"))) {
    ExprPtr privileged = member(container, "Privileged");
    if (scalarText(privileged).value_or("") == "true")
      context.report("SEC009", Severity::Error, &task, privileged->location(),
                     "a container of " + subject(task) + " runs privileged");
    if (!member(container, "LogConfiguration"))
      context.report("OBS002", Severity::Warning, &task, container->location(),
                     "a container of " + subject(task) + " ships no logs (LogConfiguration)");
  }
}

void checkLoadBalancerLogs(LintContext& context, const Resource& balancer) {
  for (const ExprPtr& attribute : asList(property(balancer, "LoadBalancerAttributes")))
    if (scalarText(member(attribute, "Key")).value_or("") == "access_logs.s3.enabled" &&
        scalarText(member(attribute, "Value")).value_or("") == "true")
      return;
  context.report("OBS003", Severity::Warning, &balancer, balancer.location,
                 subject(balancer) + " writes no access logs (access_logs.s3.enabled)");
}

void checkDeadLetters(LintContext& context, const Resource& mapping) {
  std::string queueId = referencedResource(property(mapping, "EventSourceArn"));
  const Resource* queue = context.module().findResource(queueId);
  if (queue && queue->type == "AWS::SQS::Queue" && !property(*queue, "RedrivePolicy"))
    context.report("REL005", Severity::Warning, queue, queue->location,
                   subject(*queue) + " feeds a Lambda function but has no dead-letter queue "
                                     "(RedrivePolicy)");
}

std::string category(const ExprPtr& action) {
  return scalarText(member(action, "ActionTypeId.Category")).value_or("");
}

void checkApprovals(LintContext& context, const Resource& pipeline) {
  bool approved = false;
  for (const ExprPtr& stage : asList(property(pipeline, "Stages")))
    for (const ExprPtr& action : asList(member(stage, "Actions"))) {
      approved = approved || category(action) == "Approval";
      if (category(action) == "Deploy" && !approved) {
        context.report("REL007", Severity::Warning, &pipeline, action->location(),
                       subject(pipeline) + " deploys with no manual approval before it");
        return;
      }
    }
}

void checkCounts(LintContext& context) {
  const Resource* second = nullptr;
  int natGateways = 0;
  for (const Resource& resource : context.module().resources)
    if (resource.type == "AWS::EC2::NatGateway" && ++natGateways == 2)
      second = &resource;
  if (second && !context.production())
    context.report("COST002", Severity::Warning, second, second->location,
                   std::to_string(natGateways) +
                       " NAT gateways outside production: one is enough there");
}

} // namespace

void checkWorkloads(LintContext& context) {
  const Module& module = context.module();
  for (const Resource& resource : module.resources) {
    if (resource.type == "AWS::ElasticLoadBalancingV2::Listener")
      checkListener(context, resource);
    else if (resource.type == "AWS::ECS::TaskDefinition")
      checkTaskDefinition(context, resource);
    else if (resource.type == "AWS::ElasticLoadBalancingV2::LoadBalancer")
      checkLoadBalancerLogs(context, resource);
    else if (resource.type == "AWS::Lambda::EventSourceMapping")
      checkDeadLetters(context, resource);
    else if (resource.type == "AWS::CodePipeline::Pipeline")
      checkApprovals(context, resource);
    else if (resource.type == "AWS::EC2::EIP" && !isReferenced(module, resource))
      context.report("COST007", Severity::Warning, &resource, resource.location,
                     subject(resource) + " is attached to nothing (an idle Elastic IP is billed)");
  }
  checkCounts(context);
}

} // namespace pm::ir::lint
