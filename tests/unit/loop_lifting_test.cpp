// Loops of parametric mode on the pipeline fixture: a `for` over service_instances becomes a
// looped resource or a ForEach list item; a loop whose body tests the element renders with the
// spec's instances, reported; instantiating gives the rendered module for 2 instances.
#include "frontend/bundle/bundle.h"
#include "frontend/bundle/spec.h"
#include "frontend/parametric/parametric_reader.h"
#include "frontend/render.h"
#include "ir/expr_equality.h"
#include "ir/instantiate.h"
#include "ir/loop_expansion.h"

#include <doctest/doctest.h>

#include <filesystem>

namespace fs = std::filesystem;
using namespace pm;

namespace {

const fs::path kPipeline = fs::path(PM_SOURCE_DIR) / "fixtures" / "svc-ecs-pipeline";

struct PipelineRead {
  ir::Diagnostics diagnostics;
  std::optional<frontend::Bundle> bundle;
  std::optional<frontend::Spec> spec;
  frontend::RenderRequest request;
  std::optional<ir::Module> module;
};

void readPipeline(PipelineRead& read) {
  read.bundle = frontend::readBundle(kPipeline.string(), read.diagnostics);
  REQUIRE(read.bundle);
  read.spec = frontend::readSpec((kPipeline / "spec/spec.yaml").string(), read.diagnostics);
  REQUIRE(read.spec);
  read.request.part = frontend::PartRole::Pipeline;
  read.request.spec = &*read.spec;
  read.module = frontend::readParametric(*read.bundle, read.request, read.diagnostics);
  REQUIRE(read.module);
}

int countForEach(const ir::Module& module) {
  int count = 0;
  ir::Module copy = module;
  ir::mapModuleExprs(copy, [&](const ir::ExprPtr& root) {
    ir::walkExpr(root, [&](const ir::Expr& node) {
      count += node.kind() == ir::ExprKind::ForEach;
      return true;
    });
    return root;
  });
  return count;
}

} // namespace

TEST_CASE("a for over service_instances becomes a looped resource and ForEach list items") {
  PipelineRead read;
  readPipeline(read);
  const ir::Resource* deploy = read.module->findResource("Deploy${loop.index}Project");
  REQUIRE(deploy);
  REQUIRE(deploy->loop);
  CHECK(deploy->loop->variable == "service_instance");
  CHECK(deploy->loop->collection->kind() == ir::ExprKind::ContextRef);
  CHECK(deploy->loop->collection->name() == "service_instances");
  CHECK(countForEach(*read.module) >= 1);
}

TEST_CASE("a loop whose body tests the element is rendered with the spec's instances, reported") {
  PipelineRead read;
  readPipeline(read);
  bool reported = false;
  for (const ir::Diagnostic& diagnostic : read.diagnostics.all())
    reported = reported || (diagnostic.ruleId == "MIG008" && diagnostic.location.line == 146 &&
                            diagnostic.message.find("loop.last") != std::string::npos);
  CHECK(reported);
}

TEST_CASE("instantiating the looped pipeline gives the rendered pipeline for two instances") {
  PipelineRead read;
  readPipeline(read);
  auto values = frontend::requestValues(*read.bundle, read.request, read.diagnostics);
  REQUIRE(values);
  REQUIRE(values->collections["service_instances"].size() == 2);
  ir::Module bound = ir::instantiate(*read.module, *values);
  auto text = frontend::renderPart(*read.bundle, read.request, read.diagnostics);
  REQUIRE(text);
  auto rendered = frontend::readRenderedTemplate(
      *read.bundle, *read.bundle->part(frontend::PartRole::Pipeline), *text, read.diagnostics);
  REQUIRE(rendered);
  REQUIRE(bound.resources.size() == rendered->resources.size());
  for (std::size_t i = 0; i < bound.resources.size(); ++i) {
    INFO(rendered->resources[i].logicalId);
    CHECK(bound.resources[i].logicalId == rendered->resources[i].logicalId);
    CHECK(ir::equalExprs(bound.resources[i].properties, rendered->resources[i].properties));
  }
}

TEST_CASE("expanding loops alone keeps every other reference symbolic") {
  PipelineRead read;
  readPipeline(read);
  auto values = frontend::requestValues(*read.bundle, read.request, read.diagnostics);
  REQUIRE(values);
  ir::Module expanded = *read.module;
  CHECK(!ir::expandLoops(expanded, *values).empty());
  CHECK(expanded.findResource("Deploy1Project"));
  CHECK(expanded.findResource("Deploy2Project"));
  CHECK(countForEach(expanded) == 0);
  CHECK(expanded.findInput("require_approval"));
}
