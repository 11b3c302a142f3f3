// Loops of parametric mode on the pipeline fixture: a `for` over service_instances becomes a
// looped resource or a ForEach list item; a loop whose body tests the element renders with the
// spec's instances, reported, and so do the other loops over that list; instantiating gives the
// rendered module for 2 instances. The lifted cases read a copy of the fixture whose stage loop
// does not test the element.
#include "frontend/bundle/bundle.h"
#include "frontend/bundle/spec.h"
#include "frontend/parametric/parametric_reader.h"
#include "frontend/render.h"
#include "ir/expr_equality.h"
#include "ir/instantiate.h"
#include "ir/loop_expansion.h"

#include "temp_tree.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

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

std::string readText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void replaceOnce(std::string& text, const std::string& from, const std::string& to) {
  std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
}

// The fixture with a stage loop that does not test the element (no approval stage, every deploy
// stage reads the image), so every loop over service_instances lifts.
std::string liftablePipeline(const test::TempTree& tree) {
  fs::copy(kPipeline, tree.path("bundle"), fs::copy_options::recursive);
  fs::path template_ =
      fs::path(tree.path("bundle")) / "pipeline_infrastructure/cloudformation.yaml";
  std::string text = readText(template_);
  replaceOnce(text, "{%- if loop.last and not loop.first and pipeline.inputs.require_approval %}",
              "{%- if false %}");
  replaceOnce(text, "{{ 'Image' if loop.first else 'Source' }}", "Image");
  std::ofstream(template_, std::ios::binary) << text;
  return tree.path("bundle");
}

void readPipeline(PipelineRead& read, const std::string& bundle = kPipeline.string()) {
  read.bundle = frontend::readBundle(bundle, read.diagnostics);
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
  ir::walkModuleExprs(module, [&](const ir::Expr& node) {
    count += node.kind() == ir::ExprKind::ForEach;
    return true;
  });
  return count;
}

} // namespace

TEST_CASE("a for over service_instances becomes a looped resource and ForEach list items") {
  PipelineRead read;
  test::TempTree tree;
  readPipeline(read, liftablePipeline(tree));
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
  // The loops over the same list (lines 18 and 80) render with it: the stages it renders name
  // the Deploy projects the other loop makes.
  for (int line : {18, 80})
    CHECK(std::any_of(read.diagnostics.all().begin(), read.diagnostics.all().end(),
                      [&](const ir::Diagnostic& diagnostic) {
                        return diagnostic.ruleId == "MIG008" && diagnostic.location.line == line &&
                               diagnostic.message.find("over the same list") != std::string::npos;
                      }));
  CHECK(read.module->findResource("Deploy1Project"));
  CHECK(read.module->findResource("Deploy2Project"));
}

TEST_CASE("instantiating the looped pipeline gives the rendered pipeline for two instances") {
  PipelineRead read;
  test::TempTree tree;
  readPipeline(read, liftablePipeline(tree));
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
  test::TempTree tree;
  readPipeline(read, liftablePipeline(tree));
  auto values = frontend::requestValues(*read.bundle, read.request, read.diagnostics);
  REQUIRE(values);
  ir::Module expanded = *read.module;
  CHECK(!ir::expandLoops(expanded, *values).empty());
  CHECK(expanded.findResource("Deploy1Project"));
  CHECK(expanded.findResource("Deploy2Project"));
  CHECK(countForEach(expanded) == 0);
  CHECK(expanded.findInput("require_approval"));
}
