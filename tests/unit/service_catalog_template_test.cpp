// Product templates and the portfolio of the servicecatalog target on hand-built modules:
// parameters with the schema's constraints, Proton references, guards, loops and versions.
#include "backends/servicecatalog/service_catalog_backend.h"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

using namespace pm;
using ir::Expr;
using ir::ExprPtr;

namespace {

ir::Input schemaInput(std::string name, ir::InputType type) {
  ir::Input input;
  input.name = std::move(name);
  input.type = type;
  return input;
}

ir::Resource resource(std::string logicalId, std::string type, ExprPtr properties) {
  ir::Resource out;
  out.logicalId = std::move(logicalId);
  out.type = std::move(type);
  out.properties = std::move(properties);
  return out;
}

ExprPtr props(std::vector<ir::MapEntry> entries) {
  return Expr::map(std::move(entries), {});
}

// "<prefix>${var}" with var bound to `reference`: how the parametric reader lifts a scalar.
ExprPtr concatenation(const std::string& prefix, ExprPtr reference) {
  ir::SubTemplate sub;
  sub.parts.push_back({ir::SubPart::Kind::Text, prefix, "", "", {}});
  sub.parts.push_back({ir::SubPart::Kind::Variable, "", "v1", "", {}});
  sub.variables.push_back({"v1", {}, std::move(reference)});
  return Expr::sub(std::move(sub), {});
}

struct Converted {
  ir::Diagnostics diagnostics;
  std::map<std::string, std::string> files;
  YAML::Node product(const std::string& path) const { return YAML::Load(files.at(path)); }
};

Converted convert(std::vector<const backends::ConversionModel*> models,
                  backends::sc::ServiceCatalogOptions options = {}) {
  Converted out;
  backends::OutputTree tree;
  backends::emitServiceCatalog(models, options, tree, out.diagnostics);
  out.files = tree.files();
  return out;
}

backends::ConversionModel modelOf(ir::Module module, std::string version = "1") {
  backends::ConversionModel model;
  model.bundleName = "bundle";
  model.templateVersion = std::move(version);
  model.modules.add(std::move(module));
  return model;
}

ir::Module environmentModule() {
  ir::Module module;
  module.kind = ir::ModuleKind::Environment;
  module.name = "shared-env";
  ir::Input domain = schemaInput("domain_name", ir::InputType::String);
  domain.description = "Private DNS zone";
  domain.defaultValue = Expr::string("internal.example.com", {});
  domain.pattern = "[a-z.]+";
  domain.minLength = 3;
  domain.maxLength = 64;
  ir::Input days = schemaInput("archive_days", ir::InputType::Number);
  days.defaultValue = Expr::number("0", 0, {});
  days.minimum = 0;
  days.maximum = 365;
  ir::Input flag = schemaInput("enable_archive", ir::InputType::Boolean);
  flag.defaultValue = Expr::boolean(false, {});
  ir::Input size = schemaInput("size", ir::InputType::String);
  size.allowedValues = {Expr::string("small", {}), Expr::string("large", {})};
  size.defaultValue = Expr::string("small", {});
  module.inputs = {domain, days, flag, size};
  ir::Input context = schemaInput("environment.name", ir::InputType::String);
  context.isContext = true;
  module.inputs.push_back(context);
  module.resources.push_back(resource("Namespace", "AWS::ServiceDiscovery::HttpNamespace",
                                      props({{"Name", {}, Expr::inputRef("domain_name", {})}})));
  module.resources.push_back(resource(
      "EventBus", "AWS::Events::EventBus",
      props({{"Name", {}, concatenation("bus-", Expr::contextRef("environment.name", {}))}})));
  module.outputs.push_back({"EventBusName", Expr::ref("EventBus", {}), "", nullptr, {}, {}, {}});
  return module;
}

} // namespace

TEST_CASE("Service Catalog product parameters carry the schema's constraints and labels") {
  auto model = modelOf(environmentModule());
  Converted out = convert({&model});
  REQUIRE_FALSE(out.diagnostics.hasErrors());
  YAML::Node product = out.product("products/shared-env/v1/template.yaml");
  YAML::Node domain = product["Parameters"]["DomainName"];
  CHECK(domain["Type"].as<std::string>() == "String");
  CHECK(domain["Default"].as<std::string>() == "internal.example.com");
  CHECK(domain["AllowedPattern"].as<std::string>() == "^.*(?:[a-z.]+).*$");
  CHECK(domain["MinLength"].as<int>() == 3);
  CHECK(domain["MaxLength"].as<int>() == 64);
  CHECK(domain["Description"].as<std::string>() == "Private DNS zone");
  YAML::Node days = product["Parameters"]["ArchiveDays"];
  CHECK(days["Type"].as<std::string>() == "Number");
  CHECK(days["MinValue"].as<int>() == 0);
  CHECK(days["MaxValue"].as<int>() == 365);
  YAML::Node flag = product["Parameters"]["EnableArchive"];
  CHECK(flag["Default"].as<std::string>() == "False");
  CHECK(flag["AllowedValues"].size() == 2);
  CHECK(product["Parameters"]["Size"]["AllowedValues"][1].as<std::string>() == "large");
  YAML::Node groups = product["Metadata"]["AWS::CloudFormation::Interface"]["ParameterGroups"];
  REQUIRE(groups.size() == 2);
  CHECK(groups[0]["Parameters"].size() == 4);
  CHECK(groups[1]["Label"]["default"].as<std::string>() == "Proton context");
  CHECK(product["Metadata"]["AWS::CloudFormation::Interface"]["ParameterLabels"]["DomainName"]
               ["default"]
                   .as<std::string>() == "domain_name");
}

TEST_CASE("Service Catalog product templates refer to parameters and substitute concatenations") {
  auto model = modelOf(environmentModule());
  Converted out = convert({&model});
  const std::string& text = out.files.at("products/shared-env/v1/template.yaml");
  CHECK(text.find("      Name: !Ref DomainName\n") != std::string::npos);
  CHECK(text.find("      Name: !Sub bus-${EnvironmentName}\n") != std::string::npos);
}

TEST_CASE("Service Catalog reads environment outputs as parameters or imported exports") {
  ir::Module service;
  service.kind = ir::ModuleKind::ServiceInstance;
  service.name = "api-svc-instance";
  service.resources.push_back(resource(
      "Queue", "AWS::SQS::Queue",
      props({{"QueueName", {}, Expr::upstreamOutputRef({"shared-env", "EventBusName"}, {})}})));
  auto model = modelOf(service);
  Converted plain = convert({&model});
  YAML::Node product = plain.product("products/api-svc-instance/v1/template.yaml");
  CHECK(product["Parameters"]["EnvironmentEventBusName"]["Type"].as<std::string>() == "String");

  backends::sc::ServiceCatalogOptions imports;
  imports.importEnvironmentOutputs = true;
  Converted imported = convert({&model}, imports);
  const std::string& text = imported.files.at("products/api-svc-instance/v1/template.yaml");
  CHECK(text.find("Fn::ImportValue: !Sub ${EnvironmentStackName}-EventBusName") !=
        std::string::npos);
  auto environment = modelOf(environmentModule());
  Converted exported = convert({&environment}, imports);
  CHECK(exported.files.at("products/shared-env/v1/template.yaml")
            .find("Name: !Sub ${AWS::StackName}-EventBusName") != std::string::npos);
}

TEST_CASE("Service Catalog turns guards into Conditions, resource Condition and Fn::If") {
  ir::Module module = environmentModule();
  module.guards.push_back(
      {"Guard1",
       Expr::call(ir::ExprKind::Not,
                  {Expr::call(ir::ExprKind::Equals,
                              {Expr::inputRef("archive_days", {}), Expr::number("0", 0, {})}, {})},
                  {}),
       {}});
  module.guards.push_back({"Guard2", Expr::inputRef("enable_archive", {}), {}});
  ir::Resource archive =
      resource("EventArchive", "AWS::Events::Archive",
               props({{"RetentionDays",
                       {},
                       Expr::guarded("Guard2", Expr::inputRef("archive_days", {}),
                                     Expr::ref("AWS::NoValue", {}), {})}}));
  archive.guards = {{"Guard1", true}, {"Guard2", false}};
  module.resources.push_back(archive);
  auto model = modelOf(module);
  Converted out = convert({&model});
  REQUIRE_FALSE(out.diagnostics.hasErrors());
  YAML::Node product = out.product("products/shared-env/v1/template.yaml");
  YAML::Node conditions = product["Conditions"];
  REQUIRE(conditions["Guard1"]);
  REQUIRE(conditions["Guard2"]);
  CHECK(product["Resources"]["EventArchive"]["Condition"].as<std::string>() ==
        "Guard1AndNotGuard2");
  CHECK(conditions["Guard1AndNotGuard2"]);
  const std::string& text = out.files.at("products/shared-env/v1/template.yaml");
  CHECK(text.find("Guard1:\n    !Not\n") == std::string::npos);
  CHECK(text.find("  Guard2: !Equals\n    - !Ref EnableArchive\n    - 'True'\n") !=
        std::string::npos);
  CHECK(text.find("RetentionDays: !If\n        - Guard2\n        - !Ref ArchiveDays\n"
                  "        - !Ref AWS::NoValue\n") != std::string::npos);
}

TEST_CASE("Service Catalog writes a loop over a list input as Fn::ForEach") {
  ir::Module module = environmentModule();
  module.inputs.push_back(schemaInput("queues", ir::InputType::List));
  ir::Resource queue =
      resource("Queue${queue}", "AWS::SQS::Queue",
               props({{"QueueName", {}, concatenation("q-", Expr::loopItemRef("queue", {}))}}));
  queue.loop = ir::ResourceLoop{"queue", Expr::inputRef("queues", {}), {}};
  module.resources.push_back(queue);
  auto model = modelOf(module);
  Converted out = convert({&model});
  CHECK(out.diagnostics.all().empty());
  YAML::Node product = out.product("products/shared-env/v1/template.yaml");
  CHECK(product["Transform"].as<std::string>() == "AWS::LanguageExtensions");
  CHECK(product["Parameters"]["Queues"]["Type"].as<std::string>() == "CommaDelimitedList");
  YAML::Node loop = product["Resources"]["Fn::ForEach::QueueQueueLoop"];
  REQUIRE(loop);
  CHECK(loop[0].as<std::string>() == "Queue");
  CHECK(loop[2]["Queue&{Queue}"]["Type"].as<std::string>() == "AWS::SQS::Queue");
}

TEST_CASE("Service Catalog reports a loop that Fn::ForEach cannot express") {
  ir::Module module = environmentModule();
  ir::Resource deploy = resource(
      "Deploy${loop.index}", "AWS::CodeBuild::Project",
      props({{"Name", {}, concatenation("d-", Expr::loopItemRef("service_instance.name", {}))}}));
  deploy.loop = ir::ResourceLoop{"service_instance", Expr::contextRef("service_instances", {}), {}};
  module.resources.push_back(deploy);
  auto model = modelOf(module);
  Converted out = convert({&model});
  REQUIRE(out.diagnostics.all().size() == 1);
  CHECK(out.diagnostics.all()[0].ruleId == "MIG008");
  CHECK_FALSE(out.product("products/shared-env/v1/template.yaml")["Resources"]["Deploy"]);
}

TEST_CASE("Service Catalog makes one product with an artifact per template version") {
  auto v2 = modelOf(environmentModule(), "2");
  auto v1 = modelOf(environmentModule(), "1");
  Converted out = convert({&v2, &v1});
  YAML::Node portfolio = YAML::Load(out.files.at("portfolio.yaml"));
  YAML::Node resources = portfolio["Resources"];
  YAML::Node artifacts =
      resources["SharedEnvProduct"]["Properties"]["ProvisioningArtifactParameters"];
  REQUIRE(artifacts.size() == 2);
  CHECK(artifacts[0]["Name"].as<std::string>() == "v1");
  CHECK(artifacts[1]["Name"].as<std::string>() == "v2");
  CHECK(resources["SharedEnvProductAssociation"]["Type"].as<std::string>() ==
        "AWS::ServiceCatalog::PortfolioProductAssociation");
  CHECK(resources["SharedEnvProductLaunchRole"]["Properties"]["RoleArn"]);
  CHECK(portfolio["Parameters"]["LaunchRoleArn"]);
  CHECK(out.files.count("products/shared-env/v1/template.yaml"));
  CHECK(out.files.count("products/shared-env/v2/template.yaml"));
  CHECK(out.files.count("upload.sh"));
  CHECK(out.files.at("README.md").find("`v1`") != std::string::npos);
}

TEST_CASE("Service Catalog output is identical from run to run") {
  auto model = modelOf(environmentModule());
  CHECK(convert({&model}).files == convert({&model}).files);
}

TEST_CASE("Service Catalog inlines mapping entries that read inputs where they are looked up") {
  ir::Module module = environmentModule();
  ExprPtr entries = props({{"VPC", {}, props({{"CIDR", {}, Expr::inputRef("domain_name", {})}})},
                           {"Fixed", {}, props({{"CIDR", {}, Expr::string("10.0.0.0/16", {})}})}});
  module.mappings.push_back({"SubnetConfig", entries, {}});
  module.resources.push_back(
      resource("Vpc", "AWS::EC2::VPC",
               props({{"CidrBlock",
                       {},
                       Expr::call(ir::ExprKind::FindInMap,
                                  {Expr::string("SubnetConfig", {}), Expr::string("VPC", {}),
                                   Expr::string("CIDR", {})},
                                  {})}})));
  auto model = modelOf(module);
  Converted out = convert({&model});
  CHECK(out.diagnostics.all().empty());
  YAML::Node product = out.product("products/shared-env/v1/template.yaml");
  CHECK_FALSE(product["Mappings"]["SubnetConfig"]["VPC"]);
  CHECK(product["Mappings"]["SubnetConfig"]["Fixed"]["CIDR"].as<std::string>() == "10.0.0.0/16");
  CHECK(out.files.at("products/shared-env/v1/template.yaml").find("CidrBlock: !Ref DomainName") !=
        std::string::npos);
}

TEST_CASE("Service Catalog keeps a rendered template's own parameters as they were written") {
  ir::Module module;
  module.name = "env";
  module.kind = ir::ModuleKind::Environment;
  ir::Input parameter = schemaInput("VpcCidr", ir::InputType::String);
  parameter.cloudFormationType = "String";
  parameter.pattern = "\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+";
  parameter.defaultValue = Expr::string("10.0.0.0/16", {});
  module.inputs.push_back(parameter);
  module.resources.push_back(
      resource("Vpc", "AWS::EC2::VPC", props({{"CidrBlock", {}, Expr::ref("VpcCidr", {})}})));
  auto model = modelOf(module);
  model.mode = backends::ConversionMode::Rendered;
  Converted out = convert({&model});
  YAML::Node product = out.product("products/env/v1/template.yaml");
  CHECK(product["Parameters"]["VpcCidr"]["AllowedPattern"].as<std::string>() ==
        "\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+");
  CHECK_FALSE(product["Metadata"]);
  CHECK_FALSE(product["Description"]);
  CHECK(product["Resources"]["Vpc"]["Properties"]["CidrBlock"]);
}

TEST_CASE("Service Catalog refuses a bundle without a CloudFormation part") {
  backends::ConversionModel model;
  model.bundleName = "tf-env";
  Converted out = convert({&model});
  REQUIRE(out.diagnostics.hasErrors());
  CHECK(out.diagnostics.all()[0].ruleId == "PRS013");
  CHECK(out.files.empty());
}

TEST_CASE("Service Catalog anchors schema patterns with JSON Schema's search meaning") {
  ir::Module module = environmentModule();
  module.inputs[0].pattern = "^/";
  auto model = modelOf(module);
  YAML::Node product = convert({&model}).product("products/shared-env/v1/template.yaml");
  CHECK(product["Parameters"]["DomainName"]["AllowedPattern"].as<std::string>() == "^(?:/).*$");
}
