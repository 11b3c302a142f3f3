// Rules over a resource and the resources around it: SEC005 (HTTP listeners), SEC008 (what
// public subnets host), SEC009 (ECS task roles), OBS002 (container logs), OBS003 (load balancer
// access logs), OBS006 (alarms on dead-letter queues), REL003 (two Availability Zones), REL005
// (dead-letter queues), REL007 (approvals), COST002 (NAT gateways), COST006 (REST APIs that only
// proxy), COST007 (idle EIPs).
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

// What may sit in a public subnet (SEC008): load balancers, NAT gateways, and the subnet's own
// routing and ACL associations.
bool belongsInPublicSubnet(std::string_view type) {
  return type == "AWS::ElasticLoadBalancingV2::LoadBalancer" || type == "AWS::EC2::NatGateway" ||
         type == "AWS::EC2::SubnetRouteTableAssociation" ||
         type == "AWS::EC2::SubnetNetworkAclAssociation";
}

bool isDataSubnetGroup(std::string_view type) {
  return type == "AWS::RDS::DBSubnetGroup" || type == "AWS::ElastiCache::SubnetGroup" ||
         type == "AWS::Redshift::ClusterSubnetGroup";
}

// SEC008: a public subnet (MapPublicIpOnLaunch) hosting a data store's subnet group (error) or
// a workload (warning, error in production).
void checkPublicSubnet(LintContext& context, const Resource& subnet) {
  if (scalarText(property(subnet, "MapPublicIpOnLaunch")).value_or("") != "true")
    return;
  for (const Resource& user : context.module().resources) {
    if (user.logicalId == subnet.logicalId || belongsInPublicSubnet(user.type) ||
        !refersTo(user.properties, subnet.logicalId))
      continue;
    bool data = isDataSubnetGroup(user.type);
    Severity severity = data || context.production() ? Severity::Error : Severity::Warning;
    context.report("SEC008", severity, &user, user.location,
                   subject(user) + " is placed in public subnet '" + subnet.logicalId +
                       "' (MapPublicIpOnLaunch)" +
                       (data ? ": a data store reachable from the internet" : ""));
  }
}

// REL003: a load balancer needs subnets in two Availability Zones (a warning in production).
void checkSpread(LintContext& context, const Resource& balancer) {
  ExprPtr subnets = property(balancer, "Subnets");
  if (subnets && subnets->kind() == ExprKind::List && subnets->items().size() < 2)
    context.report("REL003", context.production() ? Severity::Warning : Severity::Info, &balancer,
                   subnets->location(),
                   subject(balancer) + " uses one subnet: it spans one Availability Zone");
}

// OBS006: a dead-letter queue nobody is alarmed about loses failures silently.
void checkDeadLetterAlarm(LintContext& context, const Resource& queue) {
  const Module& module = context.module();
  bool deadLetter = false;
  for (const Resource& resource : module.resources)
    deadLetter = deadLetter || (resource.type == "AWS::SQS::Queue" &&
                                refersTo(property(resource, "RedrivePolicy"), queue.logicalId));
  if (!deadLetter)
    return;
  for (const Resource& resource : module.resources)
    if (resource.type == "AWS::CloudWatch::Alarm" &&
        refersTo(property(resource, "Dimensions"), queue.logicalId))
      return;
  context.report("OBS006", Severity::Warning, &queue, queue.location,
                 subject(queue) + " is a dead-letter queue without an alarm on it");
}

// COST006: a REST API that only passes `{proxy+}` through costs more than an HTTP API.
void checkProxyOnly(LintContext& context) {
  const Resource* proxy = nullptr;
  for (const Resource& resource : context.module().resources) {
    if (resource.type == "AWS::ApiGateway::UsagePlan" || resource.type == "AWS::ApiGateway::ApiKey")
      return;
    if (resource.type == "AWS::ApiGateway::Resource" &&
        scalarText(property(resource, "PathPart")).value_or("") == "{proxy+}")
      proxy = &resource;
  }
  if (proxy)
    context.report("COST006", Severity::Info, proxy, proxy->location,
                   "a REST API used as a {proxy+} passthrough without usage plans or keys: an HTTP "
                   "API (AWS::ApiGatewayV2::Api) is cheaper and faster");
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
    else if (resource.type == "AWS::ElasticLoadBalancingV2::LoadBalancer") {
      checkLoadBalancerLogs(context, resource);
      checkSpread(context, resource);
    } else if (resource.type == "AWS::SQS::Queue")
      checkDeadLetterAlarm(context, resource);
    else if (resource.type == "AWS::EC2::Subnet")
      checkPublicSubnet(context, resource);
    else if (resource.type == "AWS::Lambda::EventSourceMapping")
      checkDeadLetters(context, resource);
    else if (resource.type == "AWS::CodePipeline::Pipeline")
      checkApprovals(context, resource);
    else if (resource.type == "AWS::EC2::EIP" && !isReferenced(module, resource))
      context.report("COST007", Severity::Warning, &resource, resource.location,
                     subject(resource) + " is attached to nothing (an idle Elastic IP is billed)");
  }
  checkCounts(context);
  checkProxyOnly(context);
}

} // namespace pm::ir::lint
