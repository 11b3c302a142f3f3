// Adopting deployed stacks into Terraform: import IDs per type, import blocks, retain.yaml and
// the cut-over README of a converted fixture with its stack dump.
#include "backends/terraform/import_ids.h"
#include "backends/terraform/resource_mapping.h"
#include "process_runner.h"
#include "temp_tree.h"

#include <doctest/doctest.h>

using namespace pm;

namespace {

const std::filesystem::path kSource = PM_SOURCE_DIR;

backends::Deployment deploymentWith(std::map<std::string, std::string> physicalIds) {
  backends::Deployment deployment;
  deployment.deployed.emplace();
  for (auto& [logicalId, physicalId] : physicalIds)
    deployment.deployed->resources[logicalId] = {physicalId, "", {}};
  return deployment;
}

ir::Resource resourceWith(std::vector<std::pair<const char*, ir::ExprPtr>> properties) {
  ir::Resource resource;
  std::vector<ir::MapEntry> entries;
  for (auto& [key, value] : properties)
    entries.push_back({key, {}, value});
  resource.properties = ir::Expr::map(std::move(entries), {});
  return resource;
}

std::string importId(const std::string& type, const ir::Resource& resource,
                     const std::string& physicalId, const backends::Deployment& deployment) {
  const std::string* format = tf::ImportIdFormats::instance().format(type);
  REQUIRE(format);
  tf::ImportId id = tf::buildImportId(*format, resource, physicalId, deployment);
  CHECK(id.reason.empty());
  return id.id;
}

} // namespace

TEST_CASE("import IDs: built from the physical ID, its fields, and the stack's other resources") {
  backends::Deployment deployment = deploymentWith({{"Rtb", "rtb-1"}, {"Subnet", "subnet-1"}});
  ir::Resource none = resourceWith({});
  CHECK(importId("aws_vpc", none, "vpc-1", deployment) == "vpc-1");
  CHECK(importId("aws_ecs_service", none,
                 "arn:aws:ecs:us-east-1:123456789012:service/cluster-a/svc-b",
                 deployment) == "cluster-a/svc-b");
  CHECK(importId("aws_appautoscaling_target", none,
                 "service/cluster-a/svc-b|ecs:service:DesiredCount|ecs",
                 deployment) == "ecs/service/cluster-a/svc-b/ecs:service:DesiredCount");
  ir::Resource association = resourceWith(
      {{"SubnetId", ir::Expr::ref("Subnet", {})}, {"RouteTableId", ir::Expr::ref("Rtb", {})}});
  CHECK(importId("aws_route_table_association", association, "rtbassoc-1", deployment) ==
        "subnet-1/rtb-1");
  ir::Resource route = resourceWith({{"RouteTableId", ir::Expr::ref("Rtb", {})},
                                     {"DestinationIpv6CidrBlock", ir::Expr::string("::/0", {})}});
  CHECK(importId("aws_route", route, "rtb-1|::/0", deployment) == "rtb-1_::/0");
  ir::Resource policy =
      resourceWith({{"PolicyName", ir::Expr::string("p", {})},
                    {"Roles", ir::Expr::list({ir::Expr::string("role-a", {})}, {})}});
  CHECK(importId("aws_iam_role_policy", policy, "env-Polic-1", deployment) == "role-a:p");
}

TEST_CASE("import IDs: what the dump cannot give is said, never guessed silently") {
  backends::Deployment deployment = deploymentWith({});
  ir::Resource association =
      resourceWith({{"SubnetId", ir::Expr::getAtt({"Other", "SubnetId", nullptr, false}, {})},
                    {"RouteTableId", ir::Expr::string("rtb-1", {})}});
  tf::ImportId id =
      tf::buildImportId("{SubnetId}/{RouteTableId}", association, "rtbassoc-1", deployment);
  CHECK(id.id.empty());
  CHECK(id.reason.find("SubnetId") != std::string::npos);
  CHECK_FALSE(tf::ImportIdFormats::instance().notImportable("aws_eip").empty());
}

TEST_CASE("import IDs: every curated Terraform type has a row in import-ids.txt") {
  for (const tf::CuratedMapping& mapping : tf::MappingTables::instance().allCurated()) {
    CAPTURE(mapping.terraformType);
    CHECK(tf::ImportIdFormats::instance().format(mapping.terraformType));
  }
}

TEST_CASE("convert --stack-dump: import blocks, retain.yaml and README for env-vpc-cfn") {
  test::TempTree out;
  std::string dumps = (kSource / "fixtures/stack-dumps").string();
  auto result = test::runProcess({PM_BINARY, "convert", "fixtures/env-vpc-cfn", "--spec",
                                  "fixtures/env-vpc-cfn/spec/spec.yaml", "--to", "terraform", "-o",
                                  out.path("tf"), "--stack-dump", dumps + "/env-vpc-cfn.json",
                                  "--stack-dump", dumps + "/env-vpc-cfn-resources.json",
                                  "--stack-dump", dumps + "/env-vpc-cfn-template.json"},
                                 kSource);
  REQUIRE_MESSAGE(result.exitCode == 0, result.err);
  std::string imports = test::readFile(out.path("tf/root/imports.tf"));
  CHECK(imports.starts_with(R"(import {
  to = module.env_vpc_cfn_env.aws_vpc.vpc
  id = "vpc-0a1b2c3d4e5f60718"
}

import {
  to = module.env_vpc_cfn_env.aws_internet_gateway.internet_gateway
  id = "igw-0c1d2e3f4a5b6c7d8"
}

import {
  to = module.env_vpc_cfn_env.aws_internet_gateway_attachment.gateway_attachment
  id = "igw-0c1d2e3f4a5b6c7d8:vpc-0a1b2c3d4e5f60718"
}
)"));
  for (const char* block :
       {// built from the dump's other resources
        "  to = module.env_vpc_cfn_env.aws_route.public_default_route\n"
        "  id = \"rtb-0b1c2d3e4f5a6b7c8_0.0.0.0/0\"\n",
        "  to = module.env_vpc_cfn_env.aws_route_table_association.public_subnet_routes\n"
        "  id = \"subnet-0f1e2d3c4b5a69788/rtb-0b1c2d3e4f5a6b7c8\"\n",
        // guarded resources are counted
        "  to = module.env_vpc_cfn_env.aws_iam_role.flow_log_role[0]\n"
        "  id = \"AWSProton-env-cloudformation-x7k2-FlowLogRole-3KQ9ZP0V1M2N\"\n",
        // awscc imports by the primary identifier
        "  to = module.env_vpc_cfn_env.awscc_rds_db_cluster.database[0]\n"
        "  id = \"awsproton-env-cloudformation-x7k2p-database-7ymw2c5xq0bd\"\n",
        // an EIP's allocation ID is not in the dump: commented out
        "# import {\n#   to = module.env_vpc_cfn_env.aws_eip.nat_eip1\n"
        "#   id = \"54.210.17.33\"\n# }\n"})
    CHECK_MESSAGE(imports.find(block) != std::string::npos, block);
  CHECK(result.err.find("env-vpc-cfn-resources.json:234:34: warning: the import block of NatEip1 "
                        "(aws_eip) is commented out") != std::string::npos);
  std::string retain = test::readFile(out.path("tf/root/retain.yaml"));
  CHECK(retain.find("  VPC:\n    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n"
                    "    Type: AWS::EC2::VPC\n") != std::string::npos);
  // The database's Snapshot policies are replaced, not doubled.
  CHECK(retain.find("  Database:\n    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n"
                    "    Type: AWS::RDS::DBCluster\n    Properties:\n") != std::string::npos);
  CHECK(retain.find("Snapshot") == std::string::npos);
  std::string readme = test::readFile(out.path("tf/root/README.md"));
  CHECK(readme.find(
            "| `env_vpc_cfn_env` | `AWSProton-env-cloudformation-x7k2p9` | `retain.yaml` |") !=
        std::string::npos);
  CHECK(readme.find("terraform plan") != std::string::npos);
}

TEST_CASE("convert --stack-dump: a dump matching no deployment is an error") {
  test::TempTree out;
  std::string dump = out.write("other.json", R"({"Stacks": [{"StackName": "AWSProton-x",
  "Tags": [{"Key": "aws:proton:environment",
            "Value": "arn:aws:proton:us-east-1:123456789012:environment/other"}]}]})");
  auto result = test::runProcess({PM_BINARY, "convert", "fixtures/svc-sqs-json", "--spec",
                                  "fixtures/svc-sqs-json/spec/spec.yaml", "--env-outputs",
                                  "fixtures/svc-sqs-json/spec/env-outputs.json", "--to",
                                  "terraform", "-o", out.path("tf"), "--stack-dump", dump},
                                 kSource);
  CHECK(result.exitCode != 0);
  CHECK(result.err.find(dump + ":1:1: error: the stack 'AWSProton-x' matches no deployment") !=
        std::string::npos);
}

TEST_CASE("convert --stack-dump: a resource per service instance imports each by its key") {
  test::TempTree out;
  auto result = test::runProcess({PM_BINARY, "convert", "fixtures/svc-pipeline-loops", "--spec",
                                  "fixtures/svc-pipeline-loops/spec/spec.yaml", "--to", "terraform",
                                  "-o", out.path("tf"), "--stack-dump",
                                  "fixtures/stack-dumps/svc-pipeline-loops-pipeline.json"},
                                 kSource);
  REQUIRE_MESSAGE(result.exitCode == 0, result.err);
  std::string imports = test::readFile(out.path("tf/root/imports.tf"));
  // Deploy2Project is the second instance's: the module keys it by the instance's name.
  CHECK(imports.find("  to = module.svc_pipeline_loops_pipeline.aws_codebuild_project."
                     "deploy_loop_index_project[\"worker-staging\"]\n"
                     "  id = \"service-deploy-worker-staging\"\n") != std::string::npos);
  CHECK(result.err.find("TF007") == std::string::npos);
}
