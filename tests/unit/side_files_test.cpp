// The files around a bundle: registration, service sync, output maps, describe-stacks JSON, and
// schema properties carried into the model.
#include "frontend/frontend.h"
#include "temp_tree.h"

#include <doctest/doctest.h>

using namespace pm;

namespace {

std::string fixture(const std::string& relative) {
  return std::string(PM_SOURCE_DIR) + "/fixtures/" + relative;
}

} // namespace

TEST_CASE("a .template-registration.yaml lists compatible environments and component sources") {
  ir::Diagnostics diagnostics;
  auto tree = frontend::FileTree::fromDirectory(fixture("template-repo/api-svc/v1"), "api-svc/v1");
  auto registration = frontend::readRegistration(tree, diagnostics);
  REQUIRE(registration);
  REQUIRE(registration->compatibleEnvironments.size() == 2);
  CHECK(registration->compatibleEnvironments[1].templateName == "shared-env");
  CHECK(registration->compatibleEnvironments[1].majorVersion == 2);
  CHECK(registration->supportedComponentSources == std::vector<std::string>{"DIRECTLY_DEFINED"});
  CHECK(diagnostics.all().empty());
}

TEST_CASE("the misspelled compatible_environment key is a warning, never a guess") {
  test::TempTree tree;
  tree.write(".template-registration.yaml", "compatible_environment:\n  - base:1\n");
  ir::Diagnostics diagnostics;
  frontend::readRegistration(frontend::FileTree::fromDirectory(tree.path(), "b"), diagnostics);
  REQUIRE(diagnostics.all().size() == 2);
  CHECK(diagnostics.all()[0].severity == ir::Severity::Warning);
  CHECK(diagnostics.all()[0].message.find("did you mean 'compatible_environments'") !=
        std::string::npos);
  CHECK(diagnostics.all()[1].severity == ir::Severity::Error);
}

TEST_CASE("a malformed .compatible-envs line is located at its line") {
  test::TempTree tree;
  tree.write(".compatible-envs", "base-env:1\n\nbase env:x\n");
  ir::Diagnostics diagnostics;
  auto registration =
      frontend::readRegistration(frontend::FileTree::fromDirectory(tree.path(), "b"), diagnostics);
  REQUIRE(registration);
  CHECK(registration->compatibleEnvironments.size() == 1);
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].location.str() == "b/.compatible-envs:3:1");
}

TEST_CASE("the service-sync file maps each synced instance to its branch and spec") {
  ir::Diagnostics diagnostics;
  auto sync = frontend::readServiceSync(fixture("template-repo/configuration/proton-ops.yaml"),
                                        diagnostics);
  REQUIRE(sync);
  REQUIRE(sync->instances.size() == 3);
  CHECK(sync->instances[1].service == "public-api");
  CHECK(sync->instances[1].instance == "api-prod");
  CHECK(sync->instances[1].branch == "release");
  CHECK(sync->instances[2].specPath == "specs/cron-service.yaml");
}

TEST_CASE("a synced instance without a spec is an error at its name") {
  test::TempTree tree;
  auto path =
      tree.write("ops.yaml", "sync:\n  services:\n    api:\n      dev:\n        branch: main\n");
  ir::Diagnostics diagnostics;
  CHECK_FALSE(frontend::readServiceSync(path, diagnostics));
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].location.line == 4);
}

TEST_CASE("environment outputs come from flat maps or from describe-stacks JSON") {
  test::TempTree tree;
  ir::Diagnostics diagnostics;
  auto yaml =
      frontend::readOutputsFile(tree.write("o.yaml", "VpcId: vpc-1\nPort: 80\n"), diagnostics);
  REQUIRE(yaml);
  CHECK(yaml->asDict().find(std::string("Port"))->asInt() == 80);
  auto json = frontend::readOutputsFile(
      tree.write("o.json", "{\"VpcId\": \"vpc-1\", \"Ratio\": 1.0}"), diagnostics);
  REQUIRE(json);
  CHECK(json->asDict().find(std::string("Ratio"))->str() == "1.0");
  auto stacks = frontend::readOutputsFile(fixture("stack-dumps/env-vpc-cfn.json"), diagnostics);
  REQUIRE(stacks);
  CHECK(stacks->asDict().size() > 0);
  for (const auto& [key, value] : stacks->asDict().entries())
    CHECK(value.isString()); // CloudFormation outputs are always strings
  CHECK(diagnostics.all().empty());
}

TEST_CASE("describe-stacks JSON keeps output export names and stack tags") {
  ir::Diagnostics diagnostics;
  auto stacks =
      frontend::readStackDescriptions(fixture("stack-dumps/env-vpc-cfn.json"), diagnostics);
  REQUIRE(stacks);
  REQUIRE(stacks->size() == 1);
  bool anyExport = false;
  for (const auto& output : stacks->front().outputs)
    anyExport = anyExport || !output.exportName.empty();
  CHECK(anyExport);
  CHECK_FALSE(stacks->front().stackName.empty());
}

TEST_CASE("a JSON syntax error in an outputs file is located") {
  test::TempTree tree;
  ir::Diagnostics diagnostics;
  CHECK_FALSE(frontend::readOutputsFile(tree.write("o.json", "{\n  \"a\": 1,\n}\n"), diagnostics));
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].ruleId == "PRS001");
  CHECK(diagnostics.all()[0].location.line == 3);
}

TEST_CASE("schema properties become model inputs with their constraints and typed defaults") {
  ir::Diagnostics diagnostics;
  auto bundle = frontend::readBundle(fixture("env-vpc-cfn"), diagnostics);
  REQUIRE(bundle);
  auto inputs = frontend::toModelInputs(*bundle->schema->environmentInputs);
  REQUIRE_FALSE(inputs.empty());
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const auto& property = bundle->schema->environmentInputs->properties[i];
    CAPTURE(property.name);
    CHECK(inputs[i].name == property.name);
    CHECK(static_cast<bool>(inputs[i].defaultValue) == property.defaultValue.has_value());
    CHECK(inputs[i].allowedValues.size() == property.enumValues.size());
    CHECK(inputs[i].maximum == property.maximum);
    CHECK(inputs[i].pattern == property.pattern);
    CHECK(inputs[i].required == property.required);
  }
}
