// Terraform-based bundles through the terraform target: the author's files kept, Proton's
// variables turned into typed module variables, Proton's own files and constructs dropped or
// rewritten, and the root calling the modules.
#include "backends/terraform/native_module_writer.h"
#include "frontend/frontend.h"
#include "temp_tree.h"
#include "tools/proton-migrate/conversion_builder.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>

using namespace pm;

namespace {

struct Conversion {
  std::map<std::string, std::string> files;
  ir::Diagnostics diagnostics;

  bool reported(const std::string& rule) const {
    return std::any_of(diagnostics.all().begin(), diagnostics.all().end(),
                       [&](const ir::Diagnostic& d) { return d.ruleId == rule; });
  }
  const std::string& file(const std::string& path) const {
    static const std::string kNone;
    auto found = files.find(path);
    CHECK_MESSAGE(found != files.end(), "no file " << path);
    return found == files.end() ? kNone : found->second;
  }
};

Conversion convert(const std::string& path, const std::string& spec = "",
                   backends::ConversionMode mode = backends::ConversionMode::Parametric) {
  Conversion conversion;
  auto bundle = frontend::readBundle(path, conversion.diagnostics);
  REQUIRE(bundle);
  driver::TemplateInputs inputs;
  if (!spec.empty())
    inputs.spec = frontend::readSpec(spec, conversion.diagnostics);
  tf::NativeSources sources;
  auto model =
      driver::buildConversionModel(*bundle, inputs, mode, conversion.diagnostics, &sources);
  if (!model || conversion.diagnostics.hasErrors())
    return conversion;
  backends::OutputTree output;
  tf::emitNativeModules(*model, sources, output, conversion.diagnostics);
  conversion.files = output.files();
  return conversion;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const char* kServiceSchema = R"(schema:
  format:
    openapi: "3.0.0"
  service_input_type: "SvcInput"
  pipeline_input_type: "PipeInput"
  types:
    SvcInput:
      type: object
      properties:
        port:
          type: number
          default: 80
        bucket:
          type: string
    PipeInput:
      type: object
      properties:
        branch:
          type: string
          default: main
)";

const char* kHclManifest = R"(infrastructure:
  templates:
    - file: "*"
      rendering_engine: hcl
      template_language: terraform
)";

} // namespace

TEST_CASE("a Terraform bundle becomes a plain module with typed variables from the schema") {
  Conversion conversion = convert(std::string(PM_SOURCE_DIR) + "/fixtures/env-terraform");
  REQUIRE_FALSE(conversion.diagnostics.hasErrors());
  const std::string& main = conversion.file("modules/env_terraform/main.tf");
  CHECK(contains(main, "cidr_block           = var.vpc_cidr\n"));
  CHECK(contains(main, "Name = \"${var.environment_name}-vpc\""));
  CHECK(contains(main, "count             = tonumber(var.az_count)\n"));
  CHECK_FALSE(contains(main, "var.environment."));
  const std::string& variables = conversion.file("modules/env_terraform/variables.tf");
  CHECK(contains(variables, "variable \"az_count\" {\n  type    = number\n  default = 2\n"));
  CHECK(contains(variables, "condition     = var.az_count >= 1 && var.az_count <= 3"));
  CHECK(contains(variables, "variable \"environment_name\" {"));
  CHECK(contains(variables, "variable \"proton_tags\" {"));
  // The author's provider settings stay; the state backend and the old pin do not.
  const std::string& config = conversion.file("modules/env_terraform/config.tf");
  CHECK(contains(config, "tags = var.proton_tags"));
  CHECK(contains(config, "version = \"~> 6.0\""));
  CHECK_FALSE(contains(config, "backend"));
  CHECK(conversion.reported("TF005"));
  CHECK(conversion.reported("TF006"));
  // Files that declare providers keep them: no second required_providers.
  CHECK_FALSE(conversion.files.count("modules/env_terraform/versions.tf"));
  CHECK(contains(conversion.file("root/main.tf"), "source = \"../modules/env_terraform\""));
}

TEST_CASE("in rendered mode the deployment's values replace the Proton references") {
  Conversion conversion = convert(std::string(PM_SOURCE_DIR) + "/fixtures/env-terraform", "",
                                  backends::ConversionMode::Rendered);
  REQUIRE_FALSE(conversion.diagnostics.hasErrors());
  const std::string& main = conversion.file("modules/env_terraform/main.tf");
  CHECK(contains(main, "cidr_block           = \"10.1.0.0/16\"\n"));
  CHECK(contains(main, "count             = tonumber(2)\n"));
  CHECK(contains(main, "Name = \"${\"env\"}-vpc\""));
  // Only what is still read stays a variable: Proton's tags.
  const std::string& variables = conversion.file("modules/env_terraform/variables.tf");
  CHECK_FALSE(contains(variables, "variable \"vpc_cidr\""));
  CHECK(contains(variables, "variable \"proton_tags\""));
}

TEST_CASE("an input the schema does not declare is a located PRS003 error") {
  test::TempTree tree;
  tree.write("env/schema/schema.yaml", R"(schema:
  format:
    openapi: "3.0.0"
  environment_input_type: "EnvInput"
  types:
    EnvInput:
      type: object
      properties:
        cidr:
          type: string
)");
  tree.write("env/infrastructure/manifest.yaml", kHclManifest);
  tree.write("env/infrastructure/main.tf",
             "resource \"aws_vpc\" \"v\" {\n  cidr_block = var.environment.inputs.cird\n}\n");
  Conversion conversion = convert(tree.path("env"));
  REQUIRE(conversion.diagnostics.hasErrors());
  const ir::Diagnostic& error = conversion.diagnostics.all().front();
  CHECK(error.ruleId == "PRS003");
  CHECK(error.location.line == 2);
  CHECK(error.location.column == 16);
  CHECK(conversion.files.empty());
}

TEST_CASE("environment outputs read as a whole object are a located TF001 error") {
  test::TempTree tree;
  tree.write("svc/schema/schema.yaml", kServiceSchema);
  tree.write("svc/instance_infrastructure/manifest.yaml", kHclManifest);
  tree.write("svc/instance_infrastructure/main.tf",
             "locals {\n  all = keys(var.environment.outputs)\n}\n");
  tree.write("svc/pipeline_infrastructure/manifest.yaml", kHclManifest);
  tree.write("svc/pipeline_infrastructure/main.tf", "");
  Conversion conversion = convert(tree.path("svc"));
  REQUIRE(conversion.diagnostics.hasErrors());
  const ir::Diagnostic& error = conversion.diagnostics.all().front();
  CHECK(error.ruleId == "TF001");
  CHECK(error.location.line == 2);
  CHECK(conversion.files.empty());
}

TEST_CASE("Proton objects read whole become the inputs map, components and instance list") {
  test::TempTree tree;
  tree.write("svc/schema/schema.yaml", kServiceSchema);
  tree.write("svc/instance_infrastructure/manifest.yaml", kHclManifest);
  tree.write("svc/instance_infrastructure/main.tf",
             "locals {\n"
             "  has_bucket = contains(keys(var.service_instance.inputs), \"bucket\")\n"
             "  policies = can(var.service_instance.components.default) ? [\n"
             "    for k, v in var.service_instance.components.default.outputs : v\n"
             "  ] : []\n"
             "  port = var.service_instance.inputs.port\n"
             "}\n");
  tree.write("svc/pipeline_infrastructure/manifest.yaml", kHclManifest);
  tree.write("svc/pipeline_infrastructure/main.tf",
             "locals {\n"
             "  names = [for instance in var.service_instances : instance.name]\n"
             "}\n");
  std::string spec = tree.write("spec.yaml", R"(proton: ServiceSpec
pipeline:
  branch: dev
instances:
  - name: one
    environment: env1
    spec:
      port: 8080
)");
  Conversion conversion = convert(tree.path("svc"), spec);
  REQUIRE_FALSE(conversion.diagnostics.hasErrors());
  const std::string& instance = conversion.file("modules/svc_instance/main.tf");
  CHECK(contains(instance, "contains(keys(local.proton_inputs), \"bucket\")"));
  CHECK(contains(instance, "can(var.service_instance_components.default)"));
  CHECK(contains(instance, "for k, v in var.service_instance_components.default.outputs : v"));
  const std::string& variables = conversion.file("modules/svc_instance/variables.tf");
  // An optional input left out is absent from the map, as Proton left it out.
  CHECK(contains(variables, "proton_inputs = { for name, value in local.proton_declared_inputs : "
                            "name => value if value != null }"));
  CHECK(contains(variables, "type        = map(object({ outputs = map(string) }))"));
  CHECK(contains(conversion.file("modules/svc_pipeline/main.tf"), "in var.service_instances :"));
  // The pipeline reads each instance's outputs from the instance module of the same root.
  const std::string& root = conversion.file("root/main.tf");
  CHECK(contains(root, "outputs = module.svc_instance_one"));
  CHECK(contains(root, "name = \"one\""));
}
