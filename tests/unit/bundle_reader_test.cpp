// Bundle layout detection, manifest, schema and spec reading, with located diagnostics.
#include "frontend/frontend.h"
#include "temp_tree.h"

#include <doctest/doctest.h>

using namespace pm;

namespace {

const char* kServiceSchema = R"(schema:
  format:
    openapi: "3.0.0"
  service_input_type: "WebInput"
  pipeline_input_type: "PipelineInput"
  types:
    WebInput:
      type: object
      properties:
        port:
          type: number
          default: 8080
          minimum: 1
          maximum: 65535
        size:
          type: string
          enum: [small, large]
          default: small
        name:
          type: string
          pattern: "^[a-z]+$"
      required: [name]
    PipelineInput:
      type: object
      properties:
        dockerfile:
          type: string
          default: Dockerfile
)";

const char* kJinjaManifest = R"(infrastructure:
  templates:
    - file: "cloudformation.yaml"
      rendering_engine: jinja
      template_language: cloudformation
)";

void writeService(const test::TempTree& tree) {
  tree.write("svc/v1/schema/schema.yaml", kServiceSchema);
  tree.write("svc/v1/instance_infrastructure/manifest.yaml", kJinjaManifest);
  tree.write("svc/v1/instance_infrastructure/cloudformation.yaml",
             "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n"
             "      LogGroupName: '{{ service.name }}-{{ service_instance.inputs.port }}'\n");
  tree.write("svc/v1/pipeline_infrastructure/manifest.yaml", kJinjaManifest);
  tree.write("svc/v1/pipeline_infrastructure/cloudformation.yaml", "Resources: {}\n");
  tree.write("svc/v1/.compatible-envs", "base-env:1\n");
}

std::string firstMessage(const ir::Diagnostics& diagnostics) {
  return diagnostics.all().empty()
             ? ""
             : diagnostics.all().front().location.str() + ": " + diagnostics.all().front().message;
}

// Reads the service bundle and `specPath`, and validates one against the other.
bool specIsValid(const test::TempTree& tree, const std::string& specPath,
                 ir::Diagnostics& diagnostics) {
  auto bundle = frontend::readBundle(tree.path("svc/v1"), diagnostics);
  auto parsed = frontend::readSpec(specPath, diagnostics);
  REQUIRE(bundle);
  REQUIRE(parsed);
  return frontend::validateSpec(*parsed, *bundle->schema, diagnostics);
}

} // namespace

TEST_CASE("a template-sync service bundle reads with its parts, version and registration") {
  test::TempTree tree;
  writeService(tree);
  ir::Diagnostics diagnostics;
  auto bundle = frontend::readBundle(tree.path("svc/v1"), diagnostics);
  REQUIRE_MESSAGE(bundle, firstMessage(diagnostics));
  CHECK(bundle->kind == frontend::BundleKind::Service);
  CHECK(bundle->name == "svc");
  CHECK(bundle->majorVersion == "1");
  REQUIRE(bundle->parts.size() == 2);
  CHECK(bundle->parts[0].templatePath == "instance_infrastructure/cloudformation.yaml");
  REQUIRE(bundle->registration);
  CHECK(bundle->registration->compatibleEnvironments[0].templateName == "base-env");
  const auto* port = bundle->schema->serviceInputs->find("port");
  REQUIRE(port);
  CHECK(port->maximum == 65535);
  CHECK(port->defaultValue->asInt() == 8080);
  CHECK(bundle->schema->serviceInputs->find("name")->required);
}

TEST_CASE("a spec value above its maximum is located in the spec and names the schema keyword") {
  test::TempTree tree;
  writeService(tree);
  std::string spec = tree.write("spec.yaml", "proton: ServiceSpec\n"
                                             "pipeline:\n  dockerfile: Dockerfile\n"
                                             "instances:\n  - name: web\n    environment: dev\n"
                                             "    spec:\n      name: web\n      port: 70000\n");
  ir::Diagnostics diagnostics;
  CHECK_FALSE(specIsValid(tree, spec, diagnostics));
  REQUIRE(diagnostics.all().size() == 1);
  const auto& problem = diagnostics.all()[0];
  CHECK(problem.ruleId == "MIG006");
  CHECK(problem.location.line == 9);
  CHECK(problem.location.column == 13);
  CHECK(problem.message == "instances[0].spec.port: 70000 is above maximum 65535 (" +
                               tree.path("svc/v1") + "/schema/schema.yaml:14:11)");
}

TEST_CASE("enum, pattern and required violations are each reported") {
  test::TempTree tree;
  writeService(tree);
  std::string spec =
      tree.write("spec.yaml", "proton: ServiceSpec\ninstances:\n"
                              "  - name: a\n    environment: dev\n    spec:\n      size: huge\n"
                              "  - name: b\n    environment: dev\n    spec:\n      name: Web1\n");
  ir::Diagnostics diagnostics;
  CHECK_FALSE(specIsValid(tree, spec, diagnostics));
  REQUIRE(diagnostics.all().size() == 3);
  CHECK(diagnostics.all()[0].message.find(
            "instances[0].spec.size: 'huge' is not one of 'small', 'large'") == 0);
  CHECK(diagnostics.all()[1].message.find("instances[0].spec.name: required input is missing") ==
        0);
  CHECK(diagnostics.all()[2].message.find("does not match pattern '^[a-z]+$'") !=
        std::string::npos);
}

TEST_CASE("a pipeline folder without pipeline_input_type is a layout error at the schema") {
  test::TempTree tree;
  writeService(tree);
  std::string schema = kServiceSchema;
  schema.erase(schema.find("  pipeline_input_type"),
               std::string("  pipeline_input_type: \"PipelineInput\"\n").size());
  tree.write("svc/v1/schema/schema.yaml", schema);
  ir::Diagnostics diagnostics;
  CHECK_FALSE(frontend::readBundle(tree.path("svc/v1"), diagnostics));
  REQUIRE_FALSE(diagnostics.all().empty());
  CHECK(diagnostics.all()[0].ruleId == "PRS006");
  CHECK(diagnostics.all()[0].location.line == 4);
}

TEST_CASE("the legacy engine key is accepted and an unknown engine is located") {
  test::TempTree tree;
  tree.write("env/schema/schema.yaml",
             "schema:\n  format:\n    openapi: \"3.0.0\"\n"
             "  environment_input_type: E\n  types:\n    E:\n      type: object\n");
  tree.write("env/infrastructure/cloudformation.yaml", "Resources: {}\n");
  tree.write("env/infrastructure/manifest.yaml",
             "infrastructure:\n  templates:\n    - file: cloudformation.yaml\n      engine: jinja\n"
             "      template_language: cloudformation\n");
  ir::Diagnostics diagnostics;
  auto bundle = frontend::readBundle(tree.path("env"), diagnostics);
  REQUIRE(bundle);
  CHECK(bundle->parts[0].manifest->templates[0].legacyEngineKey);

  tree.write("env/infrastructure/manifest.yaml",
             "infrastructure:\n  templates:\n    - file: cloudformation.yaml\n      "
             "rendering_engine: mustache\n");
  ir::Diagnostics unknown;
  CHECK_FALSE(frontend::readBundle(tree.path("env"), unknown));
  REQUIRE(unknown.all().size() == 1);
  CHECK(unknown.all()[0].ruleId == "PRS005");
  CHECK(unknown.all()[0].location.line == 4);
  CHECK(unknown.all()[0].location.column == 25);
}

TEST_CASE("a customer-managed environment is a schema with no infrastructure folder") {
  test::TempTree tree;
  tree.write("cm/schema/schema.yaml",
             "schema:\n  format:\n    openapi: \"3.0.0\"\n"
             "  environment_input_type: O\n  types:\n    O:\n      type: object\n"
             "      properties:\n        VpcId:\n          type: string\n");
  ir::Diagnostics diagnostics;
  auto bundle = frontend::readBundle(tree.path("cm"), diagnostics);
  REQUIRE(bundle);
  CHECK(bundle->kind == frontend::BundleKind::CustomerManagedEnvironment);
  CHECK(bundle->parts.empty());
}

TEST_CASE("discovery finds template-sync versions, sample layouts and components in sorted order") {
  test::TempTree tree;
  writeService(tree);
  tree.write("svc/v2/schema/schema.yaml", kServiceSchema);
  tree.write("samples/demo/environment/schema/schema.yaml", "x");
  tree.write("components/queue/manifest.yaml", kJinjaManifest);
  tree.write(".git/schema/schema.yaml", "hidden");
  auto found = frontend::discoverBundles(tree.path());
  REQUIRE(found.size() == 4);
  CHECK(found[0].ends_with("components/queue"));
  CHECK(found[1].ends_with("samples/demo/environment"));
  CHECK(found[2].ends_with("svc/v1"));
  CHECK(found[3].ends_with("svc/v2"));
}
