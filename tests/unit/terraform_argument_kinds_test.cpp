// The curated argument kinds that reshape a value (companion resources, inline maps, ENABLED
// flags, the ECS API's JSON, spread references, gathered blocks, keyed attributes, moves,
// plucked fields, dropped properties), each through the module writer from a CloudFormation
// template.
#include "backends/terraform/module_writer.h"
#include "cloudformation_test_support.h"

#include <doctest/doctest.h>

#include <string>

using namespace pm;

namespace {

struct Written {
  std::string main;
  ir::Diagnostics diagnostics;
};

Written writeTemplate(const std::string& text) {
  test::ReadResult read = test::readTemplate(text);
  REQUIRE(read.module);
  Written written;
  backends::OutputTree output;
  ir::Identifiers identifiers;
  tf::MappingCounts counts;
  tf::writeModule(*read.module, identifiers, "modules/m", output, written.diagnostics, counts);
  CHECK_MESSAGE(counts.awscc == 0, "a resource fell back to awscc");
  written.main = output.files().at("modules/m/main.tf");
  return written;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("an S3 bucket's versioning, encryption and public access block are companions") {
  Written written = writeTemplate(R"(Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Enabled
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
)");
  CHECK(contains(written.main, "resource \"aws_s3_bucket_versioning\" \"bucket_versioning\" {\n"
                               "  bucket = aws_s3_bucket.bucket.id\n"
                               "  versioning_configuration {\n"
                               "    status = \"Enabled\"\n"));
  CHECK(contains(written.main, "resource \"aws_s3_bucket_public_access_block\" "
                               "\"bucket_public_access_block\" {\n"
                               "  bucket            = aws_s3_bucket.bucket.id\n"
                               "  block_public_acls = true\n"));
}

TEST_CASE("an ECR repository policy is a companion and the generated name is lower case") {
  Written written = writeTemplate(R"(Resources:
  Repo:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryPolicyText:
        Version: '2012-10-17'
)");
  CHECK(contains(written.main, "name = lower(\"${var.stack_name}-Repo\")"));
  CHECK(contains(written.main, "repository = aws_ecr_repository.repo.name\n"
                               "  policy = jsonencode({\n"));
}

TEST_CASE("an ECS service's network configuration is inlined and ENABLED becomes true") {
  Written written = writeTemplate(R"(Resources:
  Service:
    Type: AWS::ECS::Service
    Properties:
      ServiceName: web
      DeploymentConfiguration:
        MaximumPercent: 200
      NetworkConfiguration:
        AwsvpcConfiguration:
          AssignPublicIp: ENABLED
          Subnets: [subnet-1]
)");
  CHECK(contains(written.main, "deployment_maximum_percent = 200\n"));
  CHECK(contains(written.main, "  network_configuration {\n"
                               "    assign_public_ip = true\n"
                               "    subnets          = [\"subnet-1\"]\n"));
}

TEST_CASE("container definitions are the ECS API's camelCase JSON, log options kept") {
  Written written = writeTemplate(R"(Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          PortMappings:
            - ContainerPort: 80
          LogConfiguration:
            LogDriver: awslogs
            Options:
              awslogs-group: app
)");
  CHECK(contains(written.main, "family = \"${var.stack_name}-Task\""));
  CHECK(contains(written.main, "name = \"app\""));
  CHECK(contains(written.main, "containerPort = 80"));
  CHECK(contains(written.main, "logDriver = \"awslogs\""));
  CHECK(contains(written.main, "awslogs-group = \"app\""));
}

TEST_CASE("a scaling policy naming its target by Ref reads the target's three fields") {
  Written written = writeTemplate(R"(Resources:
  Target:
    Type: AWS::ApplicationAutoScaling::ScalableTarget
    Properties:
      MaxCapacity: 2
      MinCapacity: 1
      ResourceId: service/c/s
      ScalableDimension: ecs:service:DesiredCount
      ServiceNamespace: ecs
  Policy:
    Type: AWS::ApplicationAutoScaling::ScalingPolicy
    Properties:
      PolicyName: p
      ScalingTargetId: !Ref Target
)");
  CHECK(contains(written.main, "resource_id        = aws_appautoscaling_target.target.resource_id\n"
                               "  scalable_dimension = "
                               "aws_appautoscaling_target.target.scalable_dimension\n"));
}

TEST_CASE("target group health checks gather into one block, attributes by key become arguments") {
  Written written = writeTemplate(R"(Resources:
  Group:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      HealthCheckPath: /health
      Port: 80
      HealthyThresholdCount: 2
      TargetGroupAttributes:
        - Key: deregistration_delay.timeout_seconds
          Value: '30'
  Balancer:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: internal
)");
  CHECK(contains(written.main, "  health_check {\n"
                               "    path              = \"/health\"\n"
                               "    healthy_threshold = 2\n"
                               "  }\n"));
  CHECK(contains(written.main, "deregistration_delay = \"30\""));
  CHECK(contains(written.main, "internal = true"));
}

TEST_CASE("a discovery service's top-level namespace moves into its DNS configuration") {
  Written written = writeTemplate(R"(Resources:
  Discovery:
    Type: AWS::ServiceDiscovery::Service
    Properties:
      Name: api
      NamespaceId: ns-1
      DnsConfig:
        DnsRecords:
          - TTL: 60
            Type: A
)");
  CHECK(contains(written.main, "    namespace_id = \"ns-1\"\n  }\n"));
  CHECK_FALSE(contains(written.main, "\n  namespace_id"));
}

TEST_CASE("listener rule conditions become a condition block holding a block per field") {
  Written written = writeTemplate(R"(Resources:
  Rule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: arn:listener
      Priority: 1
      Actions:
        - Type: forward
          TargetGroupArn: arn:group
      Conditions:
        - Field: path-pattern
          Values: ['/api/*']
)");
  CHECK(contains(written.main, "  condition {\n"
                               "    path_pattern {\n"
                               "      values = [\"/api/*\"]\n"));
}

TEST_CASE("pipeline artifacts are plucked to names; RestartExecutionOnUpdate is left out, said") {
  Written written = writeTemplate(R"(Resources:
  Pipeline:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/pipeline
      RestartExecutionOnUpdate: true
      ArtifactStore:
        Type: S3
        Location: artifacts
      Stages:
        - Name: Build
          Actions:
            - Name: Build
              ActionTypeId:
                Category: Build
                Owner: AWS
                Provider: CodeBuild
                Version: '1'
              InputArtifacts:
                - Name: Source
              OutputArtifacts:
                - Name: Image
                - Name: Manifest
)");
  CHECK(contains(written.main, "      input_artifacts  = [\"Source\"]\n"
                               "      output_artifacts = [\"Image\", \"Manifest\"]\n"));
  CHECK(contains(written.main, "  # RestartExecutionOnUpdate is left out: Terraform does not"));
  REQUIRE(written.diagnostics.all().size() == 1);
  CHECK(written.diagnostics.all()[0].ruleId == "TF010");
  CHECK(written.diagnostics.all()[0].location.line == 6);
}
