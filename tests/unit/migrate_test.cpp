// `migrate`: template comparison, import ID rules for the corpus's types, and the command on the
// stack-dump fixtures (inputs recovered, no drift, artifacts and report; a drifted template).
#include "backends/terraform/import_ids.h"
#include "backends/terraform/resource_mapping.h"
#include "frontend/bundle/stack_dump.h"
#include "frontend/cloudformation/cloudformation_reader.h"
#include "ir/template_difference.h"
#include "process_runner.h"
#include "temp_tree.h"
#include "tools/proton-migrate/migration_inputs.h"

#include "ir/secret_masking.h"

#include <doctest/doctest.h>

#include <fstream>

using namespace pm;

namespace {

const std::filesystem::path kSource = PM_SOURCE_DIR;
// The commands run in fixtures/: the paths they name are relative to it.
const std::filesystem::path kFixtures = kSource / "fixtures";
const std::string kDumps = "stack-dumps/";

std::vector<ir::TemplateDifference> differences(const std::string& rendered,
                                                const std::string& deployed) {
  ir::Diagnostics diagnostics;
  auto a = frontend::readCloudFormation("rendered.yaml", rendered, diagnostics);
  auto b = frontend::readCloudFormation("deployed.yaml", deployed, diagnostics);
  REQUIRE(a);
  REQUIRE(b);
  return ir::compareTemplates(*a, *b);
}

constexpr const char* kQueue = R"(Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 30
      Tags:
        - Key: team
          Value: payments
Outputs:
  Url:
    Value: !Ref Queue
)";

std::vector<std::string> migrateCommand(const std::string& bundle, const std::string& target,
                                        const std::string& out) {
  return {PM_BINARY, "migrate", "--bundle", bundle, "--to", target, "-o", out};
}

std::vector<std::string> environmentDumps() {
  return {"--stack-dump", kDumps + "env-vpc-cfn.json",
          "--stack-dump", kDumps + "env-vpc-cfn-resources.json",
          "--stack-dump", kDumps + "env-vpc-cfn-template.json"};
}

std::vector<std::string> with(std::vector<std::string> command,
                              const std::vector<std::string>& more) {
  command.insert(command.end(), more.begin(), more.end());
  return command;
}

} // namespace

TEST_CASE("migrate: template differences are found at the deepest node, located when deployed") {
  CHECK(differences(kQueue, kQueue).empty());
  std::string drifted = kQueue;
  drifted.replace(drifted.find("payments"), 8, "billing");
  auto found = differences(kQueue, drifted);
  REQUIRE(found.size() == 1);
  CHECK(found[0].element == "Resources.Queue");
  CHECK(found[0].path == "Properties.Tags[0].Value");
  CHECK(found[0].deployed == "\"billing\"");
  CHECK(found[0].rendered == "\"payments\"");
  CHECK(found[0].location.str() == "deployed.yaml:8:18");
  // A resource on one side only, an output that changed.
  std::string other =
      std::string(kQueue).replace(std::string(kQueue).find("!Ref Queue"), 10, "!GetAtt Queue.Arn") +
      "";
  other.insert(other.find("Outputs:"), "  Topic:\n    Type: AWS::SNS::Topic\n");
  found = differences(kQueue, other);
  REQUIRE(found.size() == 2);
  CHECK(found[0].describe() == "Resources.Topic is deployed but not in the bundle's render");
  CHECK(found[1].element == "Outputs.Url");
  CHECK(found[1].path == "Value");
}

TEST_CASE("stack dumps: a merged dump gives the stack's ARN and Outputs") {
  ir::Diagnostics diagnostics;
  auto dump = frontend::readStackDump(
      (kFixtures / "stack-dumps/migrate/svc-ecs-pipeline/orders-dev.json").string(), diagnostics);
  REQUIRE(dump);
  CHECK(dump->stackId == "arn:aws:cloudformation:us-east-1:123456789012:stack/"
                         "AWSProton-svc1-orders-dev-cloudformation-m3n8q2/"
                         "7d2e9b40-0c6a-11f0-b1a2-0e5f6a7b8c9d");
  REQUIRE(dump->outputs.size() == 3);
  CHECK(dump->outputs[2] == std::pair<std::string, std::string>{"Port", "8080"});
}

TEST_CASE("migrate: secret-looking input names are masked in the report") {
  CHECK(ir::namesSecret("db_password"));
  CHECK(ir::namesSecret("GitHubToken"));
  CHECK(ir::namesSecret("api_key"));
  CHECK_FALSE(ir::namesSecret("port"));
  CHECK_FALSE(ir::namesSecret("vpc_cidr"));
}

TEST_CASE("import IDs: every resource type of the official corpus has a rule or a reason") {
  // SAM resources are imported as the resources the transform made of them.
  const std::map<std::string, std::vector<std::string>> expansions = {
      {"AWS::Serverless::Function",
       {"AWS::Lambda::Function", "AWS::IAM::Role", "AWS::Lambda::Permission", "AWS::Events::Rule",
        "AWS::Lambda::EventSourceMapping"}},
      {"AWS::Serverless::HttpApi", {"AWS::ApiGatewayV2::Api", "AWS::ApiGatewayV2::Stage"}}};
  std::ifstream list(kSource / "tests/unit/data/corpus-resource-types.txt");
  std::size_t checked = 0;
  for (std::string line; std::getline(list, line);) {
    if (line.empty() || line[0] == '#')
      continue;
    auto expanded = expansions.find(line);
    for (const std::string& type :
         expanded == expansions.end() ? std::vector<std::string>{line} : expanded->second) {
      CAPTURE(type);
      const tf::CuratedMapping* curated = tf::MappingTables::instance().curated(type);
      const tf::AwsccResource* awscc = tf::MappingTables::instance().awscc(type);
      REQUIRE((curated || awscc));
      std::string terraformType = curated ? curated->terraformType : awscc->name;
      CAPTURE(terraformType);
      CHECK(tf::ImportIdFormats::instance().format(terraformType));
      ++checked;
    }
  }
  CHECK(checked >= 59);
}

TEST_CASE("migrate: an environment stack's inputs are recovered and verified with no drift") {
  test::TempTree out;
  auto result = test::runProcess(
      with(migrateCommand("samples-2021/queue-fanout/environment", "terraform", out.path("m")),
           {"--stack-dump", kDumps + "migrate/queue-fanout-environment.json"}),
      kFixtures);
  REQUIRE_MESSAGE(result.exitCode == 0, result.err);
  CHECK(result.err.find("MIG023") == std::string::npos);
  CHECK(test::readFile(out.path("m/spec.yaml")) ==
        "proton: EnvironmentSpec\nspec:\n  topic_name: \"order-events\"\n");
  std::string report = test::readFile(out.path("m/migration-report.md"));
  CHECK(report.find("verified: every deployed template equals the bundle's render") !=
        std::string::npos);
  CHECK(report.find("| `topic_name` | order-events | recovered |") != std::string::npos);
  CHECK(test::readFile(out.path("m/terraform/root/imports.tf"))
            .find("id = \"arn:aws:sns:us-east-1:123456789012:order-events\"") != std::string::npos);
  std::string json = test::readFile(out.path("m/migration-report.json"));
  CHECK(json.find("\"verified\": true") != std::string::npos);
  CHECK(json.find("\"drift\": []") != std::string::npos);
}

TEST_CASE("migrate: with --spec the inputs are taken as given and verified") {
  test::TempTree out;
  auto result =
      test::runProcess(with(migrateCommand("env-vpc-cfn", "servicecatalog", out.path("m")),
                            with({"--spec", "env-vpc-cfn/spec/spec.yaml"}, environmentDumps())),
                       kFixtures);
  REQUIRE_MESSAGE(result.exitCode == 0, result.err);
  std::string report = test::readFile(out.path("m/migration-report.md"));
  CHECK(report.find("## Inputs (given in the spec)") != std::string::npos);
  CHECK(report.find("| `cost_center` | CC-1042 | given |") != std::string::npos);
  CHECK(report.find("--physical-id arn:aws:cloudformation:us-east-1:123456789012:stack/"
                    "AWSProton-env-cloudformation-x7k2p9/") != std::string::npos);
}

TEST_CASE("migrate: a service's instances and pipeline from a stack folder, no drift") {
  test::TempTree out;
  auto result = test::runProcess(with(migrateCommand("svc-ecs-pipeline", "cdk", out.path("m")),
                                      {"--stack-dir", kDumps + "migrate/svc-ecs-pipeline"}),
                                 kFixtures);
  REQUIRE_MESSAGE(result.exitCode == 0, result.err);
  std::string spec = test::readFile(out.path("m/spec.yaml"));
  CHECK(spec.find("  - name: \"orders-prod\"\n    environment: \"prod-env\"\n") !=
        std::string::npos);
  CHECK(spec.find("pipeline:") != std::string::npos);
  std::string app = test::readFile(out.path("m/cdk/bin/app.ts"));
  CHECK(app.find("AWSProton-svc1-orders-prod-cloudformation-v5c1t7") != std::string::npos);
  CHECK(app.find("AWSProton-svc1-pipeline-cloudformation-r8p2k4") != std::string::npos);
}

TEST_CASE("migrate: a component renders in its instance's context, told by the stack's tags") {
  test::TempTree out;
  auto result = test::runProcess(
      with(migrateCommand("component-s3-queue", "terraform", out.path("m")),
           {"--stack-dump", kDumps + "migrate/component-s3-queue-ingest-prod.json"}),
      kFixtures);
  REQUIRE_MESSAGE(result.exitCode == 0, result.err);
  CHECK(test::readFile(out.path("m/spec.yaml")) ==
        "proton: ServiceSpec\ninstances:\n  - name: \"ingest-prod\"\n    environment: \"prod\"\n"
        "    spec: {}\n");
  // Attached to ingest-dev, whose timeout the component's template cannot give back: drift.
  result = test::runProcess(with(migrateCommand("component-s3-queue", "cdk", out.path("d")),
                                 {"--stack-dump", kDumps + "migrate/component-s3-queue.json"}),
                            kFixtures);
  CHECK(result.exitCode == 1);
  CHECK(result.err.find("Resources.Queue Properties.VisibilityTimeout is deployed as 120; the "
                        "bundle renders 180 [MIG023]") != std::string::npos);
}

TEST_CASE("migrate: a stack dump without the template or the resources is an input error") {
  test::TempTree out;
  auto result = test::runProcess(with(migrateCommand("env-vpc-cfn", "cdk", out.path("m")),
                                      {"--stack-dump", kDumps + "env-vpc-cfn.json"}),
                                 kFixtures);
  CHECK(result.exitCode == 3);
  CHECK(result.err.find("stack-dumps/env-vpc-cfn.json:1:1: error: the dump of stack "
                        "'AWSProton-env-cloudformation-x7k2p9' has no TemplateBody: add the output "
                        "of `aws cloudformation get-template --stack-name "
                        "AWSProton-env-cloudformation-x7k2p9`") != std::string::npos);
  CHECK(result.err.find("has no StackResources") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out.path("m")));
}

TEST_CASE("migrate: a hand-modified deployed template is drift at its resource and property") {
  test::TempTree out;
  auto command = with(migrateCommand("svc-ecs-pipeline", "terraform", out.path("m")),
                      {"--stack-dump", kDumps + "migrate/svc-ecs-pipeline/environment.json",
                       "--stack-dump", kDumps + "migrate/drift/orders-dev-drifted.json"});
  auto result = test::runProcess(command, kFixtures);
  CHECK(result.exitCode == 1);
  CHECK(result.err.find(out.path("m") +
                        "/deployed/AWSProton-svc1-orders-dev-cloudformation-m3n8q2.yaml:22:24: "
                        "warning: stack AWSProton-svc1-orders-dev-cloudformation-m3n8q2: "
                        "Resources.LogGroup Properties.RetentionInDays is deployed as 90; the "
                        "bundle renders 30 [MIG023]") != std::string::npos);
  std::string json = test::readFile(out.path("m/migration-report.json"));
  CHECK(json.find("\"path\": \"Properties.RetentionInDays\"") != std::string::npos);
  command.push_back("--accept-drift");
  CHECK(test::runProcess(command, kFixtures).exitCode == 0);
}
