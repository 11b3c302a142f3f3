// Proton's data tree per file kind, and --context overrides applied as the reference renderer does.
#include "frontend/frontend.h"
#include "temp_tree.h"

#include <doctest/doctest.h>

using namespace pm;

namespace {

const jinja::Value& at(const jinja::Value& value, const std::string& path) {
  const jinja::Value* current = &value;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = path.find('.', start);
    const jinja::Value* next = current->asDict().find(path.substr(start, dot - start));
    REQUIRE_MESSAGE(next, path);
    current = next;
    if (dot == std::string::npos)
      return *current;
    start = dot + 1;
  }
}

std::optional<frontend::Bundle> serviceBundle(const test::TempTree& tree,
                                              ir::Diagnostics& diagnostics) {
  const char* manifest = "infrastructure:\n  templates:\n    - file: cloudformation.yaml\n"
                         "      rendering_engine: jinja\n      template_language: cloudformation\n";
  tree.write("svc/schema/schema.yaml",
             "schema:\n  format:\n    openapi: \"3.0.0\"\n  service_input_type: S\n"
             "  pipeline_input_type: P\n  types:\n    S:\n      type: object\n      properties:\n"
             "        port:\n          type: number\n          default: 80\n"
             "        flag:\n          type: boolean\n          default: yes\n"
             "    P:\n      type: object\n      properties:\n        cmd:\n          type: string\n"
             "          default: make\n");
  tree.write("svc/instance_infrastructure/manifest.yaml", manifest);
  tree.write("svc/instance_infrastructure/cloudformation.yaml", "Resources: {}\n");
  tree.write("svc/pipeline_infrastructure/manifest.yaml", manifest);
  tree.write("svc/pipeline_infrastructure/cloudformation.yaml", "Resources: {}\n");
  return frontend::readBundle(tree.path("svc"), diagnostics);
}

} // namespace

TEST_CASE("an instance file sees defaults under spec values and both environment views") {
  test::TempTree tree;
  ir::Diagnostics diagnostics;
  auto bundle = serviceBundle(tree, diagnostics);
  REQUIRE(bundle);
  auto spec = frontend::readSpec(tree.write("spec.yaml", "proton: ServiceSpec\ninstances:\n"
                                                         "  - name: web\n    environment: prod\n"
                                                         "    spec:\n      port: 8080\n"),
                                 diagnostics);
  REQUIRE(spec);
  frontend::RenderRequest request;
  request.part = frontend::PartRole::Instance;
  request.spec = &*spec;
  request.overrides = {{"service.name", "api"}, {"environment.account_id", "123456789012"}};
  auto context = frontend::buildContext(*bundle, request, diagnostics);
  REQUIRE(context);
  CHECK(at(*context, "service.name").asString() == "api");
  CHECK(at(*context, "service_instance.inputs.port").asInt() == 8080);
  CHECK(at(*context, "service_instance.inputs.flag").asBool());
  CHECK(at(*context, "environment.name").asString() == "prod");
  CHECK(at(*context, "environment.account_id").asString() == "123456789012");
  // The reference renderer overrides only the top-level environment in an instance file.
  CHECK(at(*context, "service_instance.environment.account_id").asString() == "111111111111");
  CHECK(at(*context, "service_instance.components.default.outputs").asDict().size() == 0);
}

TEST_CASE("a pipeline file loops over every instance and environment overrides reach each") {
  test::TempTree tree;
  ir::Diagnostics diagnostics;
  auto bundle = serviceBundle(tree, diagnostics);
  REQUIRE(bundle);
  auto spec =
      frontend::readSpec(tree.write("spec.yaml", "proton: ServiceSpec\npipeline:\n  cmd: test\n"
                                                 "instances:\n  - name: a\n    environment: dev\n"
                                                 "  - name: b\n    environment: prod\n"),
                         diagnostics);
  REQUIRE(spec);
  frontend::RenderRequest request;
  request.part = frontend::PartRole::Pipeline;
  request.spec = &*spec;
  request.overrides = {{"environment.account_id", "222222222222"}};
  auto context = frontend::buildContext(*bundle, request, diagnostics);
  REQUIRE(context);
  CHECK(at(*context, "pipeline.inputs.cmd").asString() == "test");
  const auto& instances = at(*context, "service_instances").asList();
  REQUIRE(instances.size() == 2);
  CHECK(at(instances[1], "environment.name").asString() == "prod");
  CHECK(at(instances[1], "environment.account_id").asString() == "222222222222");
  CHECK(at(instances[0], "inputs.port").asInt() == 80);
}

TEST_CASE("an unknown instance name is an error instead of a silent fallback") {
  test::TempTree tree;
  ir::Diagnostics diagnostics;
  auto bundle = serviceBundle(tree, diagnostics);
  REQUIRE(bundle);
  frontend::RenderRequest request;
  request.part = frontend::PartRole::Instance;
  request.instance = "nope";
  CHECK_FALSE(frontend::buildContext(*bundle, request, diagnostics));
  CHECK(diagnostics.hasErrors());
}
