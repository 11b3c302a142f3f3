// Ref and Fn::GetAtt of every curated type, reviewed against the aws provider documentation:
// what CloudFormation's Ref returns (an ID, a name, an ARN or a URL) must be the attribute read.
#include "backends/terraform/expression_translator.h"
#include "backends/terraform/resource_mapping.h"
#include "backends/terraform/resource_writer.h"

#include <doctest/doctest.h>

#include <functional>
#include <set>

using namespace pm;
using namespace pm::tf;

namespace {

struct Expected {
  const char* cloudFormationType;
  const char* terraformType;
  const char* ref;
  std::vector<std::pair<const char*, const char*>> attributes;
  std::vector<const char*> requiredProperties = {};
};

const std::vector<Expected> kExpected = {
    {"AWS::IAM::Role", "aws_iam_role", "name", {{"Arn", "arn"}, {"RoleId", "unique_id"}}},
    {"AWS::IAM::Policy", "aws_iam_role_policy", "id", {}},
    {"AWS::IAM::ManagedPolicy",
     "aws_iam_policy",
     "arn",
     {{"PolicyArn", "arn"}, {"PolicyId", "policy_id"}}},
    {"AWS::S3::Bucket",
     "aws_s3_bucket",
     "bucket",
     {{"Arn", "arn"},
      {"DomainName", "bucket_domain_name"},
      {"RegionalDomainName", "bucket_regional_domain_name"}}},
    {"AWS::S3::BucketPolicy", "aws_s3_bucket_policy", "id", {}},
    {"AWS::EC2::VPC",
     "aws_vpc",
     "id",
     {{"VpcId", "id"},
      {"CidrBlock", "cidr_block"},
      {"DefaultSecurityGroup", "default_security_group_id"},
      {"DefaultNetworkAcl", "default_network_acl_id"}}},
    {"AWS::EC2::Subnet",
     "aws_subnet",
     "id",
     {{"SubnetId", "id"},
      {"AvailabilityZone", "availability_zone"},
      {"AvailabilityZoneId", "availability_zone_id"},
      {"CidrBlock", "cidr_block"},
      {"VpcId", "vpc_id"}}},
    {"AWS::EC2::RouteTable", "aws_route_table", "id", {{"RouteTableId", "id"}}},
    {"AWS::EC2::SubnetRouteTableAssociation", "aws_route_table_association", "id", {{"Id", "id"}}},
    // Ref returns the primary identifier "<route table>|<destination>", not the provider's id.
    {"AWS::EC2::Route", "aws_route", "\"${@.route_table_id}|${@.destination_cidr_block}\"", {}},
    {"AWS::EC2::InternetGateway", "aws_internet_gateway", "id", {{"InternetGatewayId", "id"}}},
    {"AWS::EC2::VPCGatewayAttachment",
     "aws_internet_gateway_attachment",
     "\"IGW|${@.vpc_id}\"",
     {},
     {"InternetGatewayId"}},
    {"AWS::EC2::EIP",
     "aws_eip",
     "public_ip",
     {{"AllocationId", "allocation_id"}, {"PublicIp", "public_ip"}}},
    {"AWS::EC2::NatGateway", "aws_nat_gateway", "id", {{"NatGatewayId", "id"}}},
    {"AWS::EC2::SecurityGroup",
     "aws_security_group",
     "id",
     {{"GroupId", "id"}, {"VpcId", "vpc_id"}}},
    {"AWS::EC2::SecurityGroupIngress",
     "aws_vpc_security_group_ingress_rule",
     "id",
     {{"Id", "id"}},
     {"GroupId"}},
    {"AWS::EC2::SecurityGroupEgress", "aws_vpc_security_group_egress_rule", "id", {{"Id", "id"}}},
    {"AWS::KMS::Key", "aws_kms_key", "key_id", {{"Arn", "arn"}, {"KeyId", "key_id"}}},
    {"AWS::KMS::Alias", "aws_kms_alias", "name", {}},
    {"AWS::Logs::LogGroup", "aws_cloudwatch_log_group", "name", {}},
    {"AWS::ECR::Repository",
     "aws_ecr_repository",
     "name",
     {{"Arn", "arn"}, {"RepositoryUri", "repository_url"}},
     {"RepositoryName"}},
    {"AWS::SQS::Queue",
     "aws_sqs_queue",
     "url",
     {{"Arn", "arn"}, {"QueueName", "name"}, {"QueueUrl", "url"}}},
    {"AWS::SQS::QueuePolicy", "aws_sqs_queue_policy", "id", {}},
    {"AWS::SNS::Topic", "aws_sns_topic", "arn", {{"TopicArn", "arn"}, {"TopicName", "name"}}},
    {"AWS::SNS::Subscription", "aws_sns_topic_subscription", "arn", {}, {"Endpoint"}},
    {"AWS::SNS::TopicPolicy", "aws_sns_topic_policy", "id", {}},
    {"AWS::SSM::Parameter", "aws_ssm_parameter", "name", {{"Type", "type"}, {"Value", "value"}}},
    {"AWS::ECS::Cluster", "aws_ecs_cluster", "name", {{"Arn", "arn"}}},
    {"AWS::ServiceDiscovery::PrivateDnsNamespace",
     "aws_service_discovery_private_dns_namespace",
     "id",
     {{"Id", "id"}, {"Arn", "arn"}, {"HostedZoneId", "hosted_zone"}}},
    {"AWS::Lambda::Permission", "aws_lambda_permission", "id", {}},
    {"AWS::CodeBuild::Project", "aws_codebuild_project", "name", {{"Arn", "arn"}}},
    {"AWS::CloudWatch::Alarm", "aws_cloudwatch_metric_alarm", "alarm_name", {{"Arn", "arn"}}},
    // CloudFormation's ID of a scalable target joins three fields; the provider's id is the
    // resource ID alone.
    {"AWS::ApplicationAutoScaling::ScalableTarget",
     "aws_appautoscaling_target",
     "\"${@.resource_id}|${@.scalable_dimension}|${@.service_namespace}\"",
     {{"Id", "\"${@.resource_id}|${@.scalable_dimension}|${@.service_namespace}\""}},
     {"MaxCapacity", "MinCapacity", "ResourceId", "ScalableDimension", "ServiceNamespace"}},
    {"AWS::ApplicationAutoScaling::ScalingPolicy",
     "aws_appautoscaling_policy",
     "arn",
     {{"Arn", "arn"}},
     {"PolicyName", "ResourceId", "ScalableDimension", "ServiceNamespace"}},
    {"AWS::ServiceDiscovery::Service",
     "aws_service_discovery_service",
     "id",
     {{"Id", "id"}, {"Arn", "arn"}, {"Name", "name"}},
     {"Name"}},
    {"AWS::ElasticLoadBalancingV2::Listener",
     "aws_lb_listener",
     "arn",
     {{"ListenerArn", "arn"}},
     {"LoadBalancerArn", "DefaultActions"}},
    // The provider keeps a service's ARN as its id.
    {"AWS::ECS::Service", "aws_ecs_service", "id", {{"ServiceArn", "id"}, {"Name", "name"}}},
    {"AWS::ElasticLoadBalancingV2::LoadBalancer",
     "aws_lb",
     "arn",
     {{"LoadBalancerArn", "arn"},
      {"DNSName", "dns_name"},
      {"CanonicalHostedZoneID", "zone_id"},
      {"LoadBalancerFullName", "arn_suffix"},
      {"LoadBalancerName", "name"}}},
    {"AWS::ElasticLoadBalancingV2::TargetGroup",
     "aws_lb_target_group",
     "arn",
     {{"TargetGroupArn", "arn"},
      {"TargetGroupFullName", "arn_suffix"},
      {"TargetGroupName", "name"}}},
    {"AWS::ApiGatewayV2::Api",
     "aws_apigatewayv2_api",
     "id",
     {{"ApiId", "id"}, {"ApiEndpoint", "api_endpoint"}},
     {"Name", "ProtocolType"}},
    // Ref of a stage is its name, which the provider also keeps as the stage's id.
    {"AWS::ApiGatewayV2::Stage", "aws_apigatewayv2_stage", "name", {}, {"ApiId", "StageName"}},
    {"AWS::ApiGatewayV2::Route",
     "aws_apigatewayv2_route",
     "id",
     {{"RouteId", "id"}},
     {"ApiId", "RouteKey"}},
    {"AWS::ApiGatewayV2::Integration",
     "aws_apigatewayv2_integration",
     "id",
     {{"IntegrationId", "id"}},
     {"ApiId", "IntegrationType"}},
    {"AWS::Lambda::Function",
     "aws_lambda_function",
     "function_name",
     {{"Arn", "arn"}},
     {"Role", "Code"}},
    {"AWS::CodePipeline::Pipeline",
     "aws_codepipeline",
     "name",
     {},
     {"RoleArn", "ArtifactStore", "Stages"}},
    {"AWS::ElasticLoadBalancingV2::ListenerRule",
     "aws_lb_listener_rule",
     "arn",
     {{"RuleArn", "arn"}},
     {"ListenerArn", "Actions", "Conditions"}},
    {"AWS::ECS::TaskDefinition",
     "aws_ecs_task_definition",
     "arn",
     {{"TaskDefinitionArn", "arn"}},
     {"ContainerDefinitions"}},
};

// A required property's placeholder: a list or a map for block arguments, so the mapping
// covers it.
ir::ExprPtr placeholder(const char* type, const char* property) {
  const CuratedMapping* mapping = MappingTables::instance().curated(type);
  const ArgumentMapping* argument = mapping ? mapping->argument(property) : nullptr;
  bool list = argument && (argument->kind == ArgumentKind::Blocks ||
                           argument->kind == ArgumentKind::FieldBlocks);
  if (list)
    return ir::Expr::list({}, {});
  if (argument && (argument->kind == ArgumentKind::Block || argument->kind == ArgumentKind::Inline))
    return ir::Expr::map({}, {});
  return ir::Expr::string("x", {});
}

// "attr" reads address.attr; a template has '@' where the resource goes.
std::string expectedText(const std::string& address, std::string translation) {
  if (translation.find('@') == std::string::npos)
    return address + "." + translation;
  for (std::size_t at = translation.find('@'); at != std::string::npos;
       at = translation.find('@', at + address.size()))
    translation.replace(at, 1, address);
  return translation;
}

std::string translated(const Expected& expected,
                       const std::function<HclExprPtr(ExpressionTranslator&)>& translate) {
  ir::Module module;
  module.name = "m";
  ir::Resource resource;
  resource.logicalId = "Res";
  resource.type = expected.cloudFormationType;
  std::vector<ir::MapEntry> properties;
  for (const char* property : expected.requiredProperties)
    properties.push_back(
        ir::MapEntry{property, {}, placeholder(expected.cloudFormationType, property)});
  resource.properties = ir::Expr::map(std::move(properties), {});
  module.resources.push_back(resource);
  ir::Identifiers identifiers;
  ir::Diagnostics diagnostics;
  ModuleScope scope(module, identifiers, diagnostics);
  planResources(scope, MappingTables::instance());
  ExpressionTranslator translator(scope);
  std::string text = inlineText(translate(translator));
  CHECK_MESSAGE(!diagnostics.hasErrors(), expected.cloudFormationType);
  return text;
}

} // namespace

TEST_CASE("every curated type translates Ref and Fn::GetAtt to the documented attribute") {
  std::set<std::string> tested;
  for (const Expected& expected : kExpected) {
    CAPTURE(expected.cloudFormationType);
    tested.insert(expected.cloudFormationType);
    std::string address = std::string(expected.terraformType) + ".res";
    CHECK(translated(expected, [](ExpressionTranslator& t) { return t.ref("Res", {}); }) ==
          expectedText(address, expected.ref));
    for (const auto& [attribute, terraform] : expected.attributes)
      CHECK(translated(expected, [&](ExpressionTranslator& t) {
              return t.getAtt("Res", attribute, {});
            }) == expectedText(address, terraform));
  }
  // A curated type added to the table needs its row here.
  for (const CuratedMapping& mapping : MappingTables::instance().allCurated())
    CHECK_MESSAGE(tested.count(mapping.cloudFormationType), mapping.cloudFormationType);
}

TEST_CASE("a log group's Arn keeps CloudFormation's trailing :*") {
  Expected logGroup{"AWS::Logs::LogGroup", "aws_cloudwatch_log_group", "name", {}};
  CHECK(translated(logGroup, [](ExpressionTranslator& t) { return t.getAtt("Res", "Arn", {}); }) ==
        "\"${aws_cloudwatch_log_group.res.arn}:*\"");
}

TEST_CASE("a type without a curated mapping goes to awscc: Ref is its id, attributes snake_case") {
  Expected table{"AWS::DynamoDB::Table", "awscc_dynamodb_table", "id", {}};
  CHECK(translated(table, [](ExpressionTranslator& t) { return t.ref("Res", {}); }) ==
        "awscc_dynamodb_table.res.id");
  CHECK(translated(table, [](ExpressionTranslator& t) {
          return t.getAtt("Res", "KinesisStreamSpecification.StreamArn", {});
        }) == "awscc_dynamodb_table.res.kinesis_stream_specification.stream_arn");
}

TEST_CASE("an awscc Ref that returns one part of a compound identifier reads that part") {
  // awscc's id joins the primary identifier's parts with '|'; Ref of these types returns one.
  CHECK(awsccRefAttribute("AWS::ApiGateway::Resource") == "resource_id");
  CHECK(awsccRefAttribute("AWS::ApiGateway::Stage") == "stage_name");
  CHECK(awsccRefAttribute("AWS::ECS::Service") == "service_arn");
  // A simple identifier, or a Ref that returns the whole compound one, is the id.
  CHECK(awsccRefAttribute("AWS::Lambda::Function") == "id");
  CHECK(awsccRefAttribute("AWS::ApplicationAutoScaling::ScalableTarget") == "id");
  Expected resource{"AWS::ApiGateway::Resource", "awscc_apigateway_resource", "resource_id", {}};
  CHECK(translated(resource, [](ExpressionTranslator& t) { return t.ref("Res", {}); }) ==
        "awscc_apigateway_resource.res.resource_id");
}
