// The parametric reader on a fixture bundle: references in the model, the schema's inputs, and
// a MIG008 warning at each construct rendered with its concrete value.
#include "frontend/bundle/bundle.h"
#include "frontend/bundle/spec.h"
#include "frontend/parametric/parametric_reader.h"
#include "ir/expr_text.h"
#include "tests/unit/temp_tree.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

namespace fs = std::filesystem;
using namespace pm;

namespace {

const fs::path kFixtures = fs::path(PM_SOURCE_DIR) / "fixtures";

struct Read {
  std::optional<frontend::ParametricModule> result;
  ir::Diagnostics diagnostics;
};

void readVpc(Read& read) {
  auto bundle = frontend::readBundle((kFixtures / "env-vpc-cfn").string(), read.diagnostics);
  REQUIRE(bundle);
  auto spec =
      frontend::readSpec((kFixtures / "env-vpc-cfn/spec/spec.yaml").string(), read.diagnostics);
  REQUIRE(spec);
  frontend::RenderRequest request;
  request.spec = &*spec;
  read.result = frontend::readParametricModule(*bundle, request, read.diagnostics);
  REQUIRE(read.result);
}

int countKind(const ir::Module& module, ir::ExprKind kind) {
  int count = 0;
  ir::walkModuleExprs(module, [&](const ir::Expr& node) {
    count += node.kind() == kind;
    return true;
  });
  return count;
}

} // namespace

TEST_CASE("a parametric environment module refers to its inputs and context instead of values") {
  Read read;
  readVpc(read);
  const ir::Module& module = read.result->module;
  CHECK(module.kind == ir::ModuleKind::Environment);
  CHECK(module.findInput("enable_flow_logs"));
  CHECK(countKind(module, ir::ExprKind::InputRef) + countKind(module, ir::ExprKind::Sub) > 0);
  const ir::Input* name = module.findInput("environment.name");
  REQUIRE(name);
  CHECK(name->isContext);
}

TEST_CASE("an if on an input becomes a guard on the resources it covers") {
  Read read;
  readVpc(read);
  const ir::Module& module = read.result->module;
  const ir::GuardVariable* flowLogs = nullptr;
  for (const ir::GuardVariable& guard : module.guards)
    if (guard.condition->kind() == ir::ExprKind::InputRef &&
        guard.condition->name() == "enable_flow_logs")
      flowLogs = &guard;
  REQUIRE(flowLogs);
  CHECK(flowLogs->location.line == 125);
  int guarded = 0;
  for (const ir::Resource& resource : module.resources)
    for (const ir::Guard& guard : resource.guards)
      guarded += guard.variable == flowLogs->name;
  CHECK(guarded > 0);
}

TEST_CASE("each construct rendered with a concrete input value is a MIG008 warning at its line") {
  Read read;
  readVpc(read);
  bool loop = false;
  for (const auto& fallback : read.result->fallbacks)
    loop = loop || (fallback.construct == "for" && fallback.location.line == 37 &&
                    fallback.path == "environment.inputs.extra_tags");
  CHECK(loop);
  std::size_t warnings = 0;
  for (const auto& diagnostic : read.diagnostics.all())
    if (diagnostic.ruleId == "MIG008") {
      ++warnings;
      CHECK(diagnostic.severity == ir::Severity::Warning);
      CHECK(diagnostic.location.line > 0);
      CHECK(diagnostic.message.find("cannot be lifted into target-language logic") !=
            std::string::npos);
    }
  CHECK(warnings >= read.result->fallbacks.size());
}

TEST_CASE("a module is read without a spec: required inputs without a value stay symbolic") {
  Read read;
  auto bundle = frontend::readBundle((kFixtures / "env-vpc-cfn").string(), read.diagnostics);
  REQUIRE(bundle);
  frontend::RenderRequest request; // no spec: cost_center (required, no default) has no value
  read.result = frontend::readParametricModule(*bundle, request, read.diagnostics);
  REQUIRE(read.result);
  CHECK_FALSE(read.diagnostics.hasErrors());
  bool readsCostCenter = false;
  ir::walkModuleExprs(read.result->module, [&](const ir::Expr& node) {
    readsCostCenter =
        readsCostCenter || (node.kind() == ir::ExprKind::InputRef && node.name() == "cost_center");
    return true;
  });
  CHECK(readsCostCenter);
}

TEST_CASE("a pipeline indexing service_instances is read without a spec through a stand-in "
          "instance, with a warning") {
  test::TempTree tree;
  tree.write("schema/schema.yaml",
             "schema:\n  format:\n    openapi: \"3.0.0\"\n  service_input_type: \"In\"\n"
             "  pipeline_input_type: \"P\"\n  types:\n    P:\n      type: object\n"
             "      properties: {}\n    In:\n      type: object\n      properties:\n"
             "        runtime:\n          type: string\n          default: \"python3.12\"\n");
  tree.write("instance_infrastructure/manifest.yaml",
             "infrastructure:\n  templates:\n    - file: \"cloudformation.yaml\"\n"
             "      rendering_engine: jinja\n      template_language: cloudformation\n");
  tree.write("instance_infrastructure/cloudformation.yaml",
             "Resources:\n  Q:\n    Type: AWS::SQS::Queue\nOutputs:\n  Runtime:\n"
             "    Value: \"{{ service_instance.inputs.runtime }}\"\n");
  tree.write("pipeline_infrastructure/manifest.yaml",
             "infrastructure:\n  templates:\n    - file: \"cloudformation.yaml\"\n"
             "      rendering_engine: jinja\n      template_language: cloudformation\n");
  tree.write(
      "pipeline_infrastructure/cloudformation.yaml",
      "Resources:\n  Project:\n    Type: AWS::CodeBuild::Project\n    Properties:\n"
      "      Description: '{{ {\"python3.12\": \"py\"}[service_instances[0].outputs.Runtime] "
      "}}'\n");
  Read read;
  auto bundle = frontend::readBundle(tree.path(), read.diagnostics);
  std::ostringstream why;
  read.diagnostics.print(why);
  REQUIRE_MESSAGE(bundle, why.str());
  frontend::RenderRequest request;
  request.part = frontend::PartRole::Pipeline;
  read.result = frontend::readParametricModule(*bundle, request, read.diagnostics);
  REQUIRE(read.result);
  CHECK_FALSE(read.diagnostics.hasErrors());
  const ir::Resource* project = read.result->module.findResource("Project");
  REQUIRE(project);
  CHECK(ir::exprText(project->properties).find("py") != std::string::npos);
  bool warned = false;
  for (const auto& diagnostic : read.diagnostics.all())
    warned = warned || (diagnostic.ruleId == "MIG008" &&
                        diagnostic.message.find("stand-in instance") != std::string::npos &&
                        diagnostic.location.line == 5);
  CHECK(warned);
}
