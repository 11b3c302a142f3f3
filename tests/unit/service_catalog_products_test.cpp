// The servicecatalog target on what the corpus brings: Terraform-based bundles (Terraform
// products), YAML slips and retired Lambda runtimes in the templates, environment outputs baked
// in by rendered mode, and a template repo with two versions of a template.
#include "backends/servicecatalog/module_archive.h"
#include "backends/servicecatalog/serverless_literals.h"
#include "backends/servicecatalog/service_catalog_backend.h"
#include "conversion_test_support.h"
#include "frontend/frontend.h"
#include "process_runner.h"
#include "temp_tree.h"
#include "tools/proton-migrate/conversion_builder.h"
#include "tools/proton-migrate/main_program.h"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace pm;
using ir::Expr;

namespace {

const fs::path kFixtures = fs::path(PM_SOURCE_DIR) / "fixtures";

struct TerraformCatalog {
  ir::Diagnostics diagnostics;
  std::map<std::string, std::string> files;
};

TerraformCatalog terraformCatalog(backends::ConversionMode mode) {
  TerraformCatalog out;
  auto bundle = frontend::readBundle((kFixtures / "env-terraform").string(), out.diagnostics);
  REQUIRE(bundle);
  tf::NativeSources sources;
  auto model = driver::buildConversionModel(*bundle, {}, mode, out.diagnostics, &sources);
  REQUIRE(model);
  backends::OutputTree tree;
  backends::emitServiceCatalog({backends::sc::CatalogBundle{&*model, &sources}}, {}, tree,
                               out.diagnostics);
  out.files = tree.files();
  return out;
}

const std::string* archiveOf(const std::map<std::string, std::string>& files) {
  for (const auto& [path, content] : files)
    if (path.ends_with("/module.tar.gz"))
      return &content;
  return nullptr;
}

// A Lambda function resource with inline code, indented under Resources.
std::string lambdaFunction(const std::string& name, const std::string& runtime,
                           const std::string& code, const std::string& metadata = "") {
  return "  " + name + ":\n    Type: AWS::Lambda::Function\n" + metadata +
         "    Properties:\n      Runtime: " + runtime +
         "\n      Handler: index.handler\n      Role: arn:aws:iam::123456789012:role/r\n"
         "      Code:\n        ZipFile: " +
         code + "\n";
}

} // namespace

TEST_CASE("A Terraform-based bundle gives a Terraform product whose artifact is its module") {
  TerraformCatalog catalog = terraformCatalog(backends::ConversionMode::Parametric);
  CHECK_FALSE(catalog.diagnostics.hasErrors());
  REQUIRE(catalog.files.count("portfolio.yaml"));
  YAML::Node portfolio = YAML::Load(catalog.files.at("portfolio.yaml"));
  YAML::Node product;
  for (const auto& resource : portfolio["Resources"])
    if (resource.second["Type"].as<std::string>() == "AWS::ServiceCatalog::CloudFormationProduct")
      product = resource.second["Properties"];
  REQUIRE(product);
  CHECK(product["ProductType"].as<std::string>() == "TERRAFORM_OPEN_SOURCE");
  YAML::Node artifact = product["ProvisioningArtifactParameters"][0];
  CHECK(artifact["Type"].as<std::string>() == "TERRAFORM_OPEN_SOURCE");
  CHECK(test::contains(YAML::Dump(artifact["Info"]), "module.tar.gz"));

  const std::string* archive = archiveOf(catalog.files);
  REQUIRE(archive);
  test::TempTree temp;
  std::string path = temp.write("module.tar.gz", *archive);
  test::ProcessResult listed = test::runProcess({"tar", "tzf", path}, temp.path(), 60);
  REQUIRE(listed.exitCode == 0);
  // Service Catalog's Terraform engine runs the module at the archive root.
  CHECK(test::contains(listed.out, "main.tf\n"));
  CHECK(test::contains(listed.out, "variables.tf\n"));
  CHECK_FALSE(test::contains(listed.out, "/"));
  CHECK_FALSE(test::contains(listed.out, "manifest.yaml"));
}

TEST_CASE("A Terraform product's archive is the same bytes on every run") {
  TerraformCatalog first = terraformCatalog(backends::ConversionMode::Rendered);
  TerraformCatalog second = terraformCatalog(backends::ConversionMode::Rendered);
  CHECK_FALSE(first.diagnostics.hasErrors());
  REQUIRE(archiveOf(first.files));
  CHECK(*archiveOf(first.files) == *archiveOf(second.files));

  std::string bytes = backends::sc::moduleArchive({{"b.tf", "b"}, {"a.tf", "a"}});
  REQUIRE(bytes.size() > 10);
  CHECK(static_cast<unsigned char>(bytes[0]) == 0x1f); // gzip
  CHECK((bytes[3] & 0x08) == 0);                       // no file name in the header
  CHECK(bytes.substr(4, 4) == std::string(4, '\0'));   // no modification time
  CHECK(bytes == backends::sc::moduleArchive({{"a.tf", "a"}, {"b.tf", "b"}}));
}

TEST_CASE("Service Catalog writes YAML 1.1 boolean words as booleans where the type is Boolean") {
  test::Converted out = test::convertTemplate("servicecatalog", R"(Resources:
  Endpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      VpcId: vpc-1
      ServiceName: com.amazonaws.us-east-1.s3
      PrivateDnsEnabled: Yes
      VpcEndpointType: 'No'
)");
  const ir::Diagnostic* repaired = out.find("MIG031");
  REQUIRE(repaired);
  CHECK(repaired->location.line == 7);
  std::string product = out.tree.files().at("products/env/v1/template.yaml");
  CHECK(test::contains(product, "PrivateDnsEnabled: true"));
  CHECK(test::contains(product, "VpcEndpointType: 'No'")); // a String property keeps its text
}

TEST_CASE("Keys written beside an empty nested object move inside it for Service Catalog and "
          "Terraform") {
  const char* slipped = R"(Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
            SSEAlgorithm: AES256
)";
  for (const char* target : {"servicecatalog", "terraform"}) {
    CAPTURE(target);
    test::Converted out = test::convertTemplate(target, slipped);
    const ir::Diagnostic* moved = out.find("MIG032");
    REQUIRE(moved);
    CHECK(moved->location.line == 8);
    CHECK_FALSE(out.diagnostics.hasErrors());
  }
  test::Converted catalog = test::convertTemplate("servicecatalog", slipped);
  YAML::Node product = YAML::Load(catalog.tree.files().at("products/env/v1/template.yaml"));
  YAML::Node rule = product["Resources"]["Bucket"]["Properties"]["BucketEncryption"]
                           ["ServerSideEncryptionConfiguration"][0];
  CHECK(rule["ServerSideEncryptionByDefault"]["SSEAlgorithm"].as<std::string>() == "AES256");
  CHECK_FALSE(rule["SSEAlgorithm"]);
}

TEST_CASE("A function on a retired Lambda runtime keeps it, flagged, with cfn-lint told") {
  test::Converted out = test::convertTemplate(
      "servicecatalog",
      "Resources:\n" +
          lambdaFunction("Handler", "python3.6", "print(1)", "    Metadata:\n      Owner: team\n") +
          lambdaFunction("Current", "python3.12", "print(1)"));
  const ir::Diagnostic* flagged = out.find("SC001");
  REQUIRE(flagged);
  CHECK(flagged->location.line == 7);
  CHECK(test::contains(flagged->message, "python3.6"));
  CHECK(test::contains(flagged->message, "2022-07-18"));
  YAML::Node product = YAML::Load(out.tree.files().at("products/env/v1/template.yaml"));
  YAML::Node handler = product["Resources"]["Handler"];
  CHECK(handler["Properties"]["Runtime"].as<std::string>() == "python3.6");
  CHECK(handler["Metadata"]["Owner"].as<std::string>() == "team");
  CHECK(handler["Metadata"]["cfn-lint"]["config"]["ignore_checks"][0].as<std::string>() == "E2533");
  CHECK_FALSE(product["Resources"]["Current"]["Metadata"]);
}

TEST_CASE("Rendered environment outputs become product parameters defaulting to their values") {
  ir::Diagnostics diagnostics;
  auto module = frontend::readCloudFormation("t.yaml", R"(Resources:
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: in vpc-0abc1234 of the shared network
      VpcId: vpc-0abc1234
)",
                                             diagnostics);
  REQUIRE(module);
  module->name = "svc-instance-web";
  module->kind = ir::ModuleKind::ServiceInstance;
  backends::ConversionModel model;
  model.bundleName = "svc";
  model.mode = backends::ConversionMode::Rendered;
  model.modules.add(std::move(*module));
  backends::Deployment deployment;
  deployment.module = "svc-instance-web";
  deployment.name = "web";
  deployment.values.upstreamOutputs["environment.VpcId"] = {"vpc-0abc1234", nullptr, true};
  model.deployments.push_back(deployment);
  ir::runPasses(model.modules, diagnostics, model.passes);
  backends::OutputTree tree;
  backends::makeServiceCatalogBackend()->emit(model, tree, diagnostics);
  CHECK_FALSE(diagnostics.hasErrors());
  YAML::Node product = YAML::Load(tree.files().at("products/svc-instance-web/v1/template.yaml"));
  YAML::Node parameter = product["Parameters"]["EnvironmentVpcId"];
  REQUIRE(parameter);
  CHECK(parameter["Type"].as<std::string>() == "String");
  CHECK(parameter["Default"].as<std::string>() == "vpc-0abc1234");
  std::string text = tree.files().at("products/svc-instance-web/v1/template.yaml");
  CHECK(test::contains(text, "VpcId: !Ref EnvironmentVpcId"));
  CHECK(test::contains(text, "!Sub in ${EnvironmentVpcId} of the shared network"));
}

TEST_CASE("A template repo with two versions of a template gives one product with two "
          "artifacts, the newest the default") {
  test::TempTree out;
  std::ostringstream stdout_, stderr_;
  // The template's folder in the template-sync repo: its major versions v1 and v2.
  int code = driver::runProgram({"convert", (kFixtures / "template-repo" / "shared-env").string(),
                                 "--to", "servicecatalog", "-o", out.path("catalog")},
                                stdout_, stderr_);
  INFO(stderr_.str());
  REQUIRE(code == 0);
  YAML::Node portfolio = YAML::LoadFile(out.path("catalog/portfolio.yaml"));
  YAML::Node product = portfolio["Resources"]["SharedEnvProduct"]["Properties"];
  REQUIRE(product);
  YAML::Node artifacts = product["ProvisioningArtifactParameters"];
  REQUIRE(artifacts.size() == 2);
  CHECK(artifacts[0]["Name"].as<std::string>() == "v1");
  CHECK(artifacts[1]["Name"].as<std::string>() == "v2");
  CHECK(test::contains(artifacts[1]["Description"].as<std::string>(), "default"));
  CHECK(fs::exists(out.path("catalog/products/shared-env/v1/template.yaml")));
  CHECK(fs::exists(out.path("catalog/products/shared-env/v2/template.yaml")));
}

TEST_CASE("A target group left at the default health check port of a dynamic host port keeps it, "
          "with cfn-lint told") {
  test::Converted out = test::convertTemplate("servicecatalog", R"(Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: web
          Image: nginx
          PortMappings:
            - ContainerPort: 80
              HostPort: 0
  Group:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Metadata:
      cfn-lint:
        config:
          ignore_checks: [W3005]
    Properties:
      Port: 80
      Protocol: HTTP
      VpcId: vpc-1
)");
  const ir::Diagnostic* noted = out.find("SC002");
  REQUIRE(noted);
  CHECK(noted->location.line == 11);
  YAML::Node product = YAML::Load(out.tree.files().at("products/env/v1/template.yaml"));
  YAML::Node group = product["Resources"]["Group"];
  CHECK_FALSE(group["Properties"]["HealthCheckPort"]);
  YAML::Node checks = group["Metadata"]["cfn-lint"]["config"]["ignore_checks"];
  REQUIRE(checks.size() == 2);
  CHECK(checks[0].as<std::string>() == "W3005");
  CHECK(checks[1].as<std::string>() == "E3049");
}

TEST_CASE("A retired runtime with inline code Lambda takes only for Node.js and Python is flagged "
          "for both") {
  test::Converted out = test::convertTemplate(
      "servicecatalog", "Resources:\n" + lambdaFunction("Handler", "ruby2.7", "puts 1"));
  int flagged = 0;
  for (const ir::Diagnostic& diagnostic : out.diagnostics.all())
    flagged += diagnostic.ruleId == "SC001";
  CHECK(flagged == 2);
  YAML::Node product = YAML::Load(out.tree.files().at("products/env/v1/template.yaml"));
  YAML::Node checks =
      product["Resources"]["Handler"]["Metadata"]["cfn-lint"]["config"]["ignore_checks"];
  REQUIRE(checks.size() == 2);
  CHECK(checks[0].as<std::string>() == "E2533");
  CHECK(checks[1].as<std::string>() == "E3677");
}

TEST_CASE("Rendered with a stack dump, the artifact is the deployed template byte for byte") {
  test::TempTree out;
  std::ostringstream stdout_, stderr_;
  std::string dumps = (kFixtures / "stack-dumps").string();
  int code = driver::runProgram({"convert", (kFixtures / "env-vpc-cfn").string(), "--spec",
                                 (kFixtures / "env-vpc-cfn/spec/spec.yaml").string(), "--mode",
                                 "rendered", "--stack-dump", dumps + "/env-vpc-cfn.json",
                                 "--stack-dump", dumps + "/env-vpc-cfn-template.json", "--to",
                                 "servicecatalog", "-o", out.path("catalog")},
                                stdout_, stderr_);
  INFO(stderr_.str());
  REQUIRE(code == 0);
  std::ifstream dump(dumps + "/env-vpc-cfn-template.json");
  std::stringstream dumpText;
  dumpText << dump.rdbuf();
  std::string deployed = YAML::Load(dumpText.str())["TemplateBody"].as<std::string>();
  std::ifstream written(out.path("catalog/products/env-vpc-cfn/v1/template.yaml"),
                        std::ios::binary);
  std::stringstream writtenText;
  writtenText << written.rdbuf();
  CHECK(writtenText.str() == deployed);
  std::ifstream readme(out.path("catalog/README.md"));
  std::stringstream readmeText;
  readmeText << readme.rdbuf();
  CHECK(test::contains(readmeText.str(), "import-as-provisioned-product"));
}

TEST_CASE("A SAM event Path that reads an input is written as the deployment's value") {
  using ir::MapEntry;
  auto map = [](std::vector<MapEntry> entries) { return Expr::map(std::move(entries), {}); };
  auto string = [](const std::string& text) { return Expr::string(text, {}); };
  ir::Module module;
  ir::Input input;
  input.name = "resource_name";
  input.defaultValue = string("task");
  module.inputs.push_back(input);
  ir::Resource function;
  function.logicalId = "ListFunction";
  function.type = "AWS::Serverless::Function";
  ir::ExprPtr path = Expr::inputRef("resource_name", {});
  function.properties =
      map({{"Events",
            {},
            map({{"ListApi",
                  {},
                  map({{"Type", {}, string("HttpApi")},
                       {"Properties",
                        {},
                        map({{"Path", {}, path}, {"Method", {}, string("GET")}})}})}})}});
  module.resources.push_back(function);

  SUBCASE("the deployment's value") {
    ir::InputValues values;
    values.inputs["resource_name"] = {"orders", string("orders"), true};
    ir::Diagnostics diagnostics;
    backends::sc::bakeServerlessLiterals(module, values, diagnostics);
    const ir::ExprPtr& baked = module.resources[0]
                                   .properties->find("Events")
                                   ->value->find("ListApi")
                                   ->value->find("Properties")
                                   ->value->find("Path")
                                   ->value;
    REQUIRE(baked->kind() == ir::ExprKind::String);
    CHECK(baked->text() == "orders");
    CHECK(diagnostics.all().size() == 1);
  }
  SUBCASE("the input's default when the deployment gives none") {
    ir::Diagnostics diagnostics;
    backends::sc::bakeServerlessLiterals(module, {}, diagnostics);
    CHECK(module.resources[0]
              .properties->find("Events")
              ->value->find("ListApi")
              ->value->find("Properties")
              ->value->find("Path")
              ->value->text() == "task");
  }
}

TEST_CASE("With --import-env-outputs, service products import what the environment product "
          "exports") {
  test::TempTree out;
  std::ostringstream stdout_, stderr_;
  std::string repo = (kFixtures / "template-repo").string();
  int code = driver::runProgram({"convert", repo + "/shared-env/v1", repo + "/api-svc/v1", "--spec",
                                 repo + "/shared-env/v1/spec/spec.yaml", "--spec",
                                 repo + "/api-svc/v1/spec/spec.yaml", "--to", "servicecatalog",
                                 "--import-env-outputs", "-o", out.path("catalog")},
                                stdout_, stderr_);
  INFO(stderr_.str());
  REQUIRE(code == 0);
  YAML::Node environment = YAML::LoadFile(out.path("catalog/products/shared-env/v1/template.yaml"));
  CHECK(environment["Outputs"]["NamespaceId"]["Export"]);
  std::ifstream service(out.path("catalog/products/api-svc-instance-api-dev/v1/template.yaml"));
  std::stringstream text;
  text << service.rdbuf();
  CHECK(test::contains(text.str(), "Fn::ImportValue: !Sub ${EnvironmentStackName}-NamespaceId"));
}
