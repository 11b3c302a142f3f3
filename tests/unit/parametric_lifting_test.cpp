// Sentinel lifting, instantiation and structural equality: the pieces of parametric mode's
// correctness property, on small hand-written templates.
#include "frontend/cloudformation/cloudformation_reader.h"
#include "frontend/parametric/sentinel_lifting.h"
#include "frontend/parametric/symbolic_context.h"
#include "ir/expr_equality.h"
#include "ir/instantiate.h"

#include <doctest/doctest.h>

using namespace pm;

namespace {

struct Lifted {
  ir::Module module;
  std::set<std::string> lifted;
};

// Reads `text` whose tokens __pm7_1__.. stand for `paths`, with values `values`, and lifts them.
Lifted lift(const std::string& text, const std::vector<jinja::Sentinel>& sentinels) {
  ir::Diagnostics diagnostics;
  auto module = frontend::readCloudFormation("t.yaml", text, diagnostics);
  REQUIRE(module);
  frontend::SentinelTable table;
  for (const auto& sentinel : sentinels)
    table[sentinel.token] = &sentinel;
  auto lifted = frontend::liftSentinels(*module, table, text);
  return {std::move(*module), lifted};
}

ir::ExprPtr property(const ir::Module& module, const std::string& name) {
  REQUIRE(module.resources.size() == 1);
  const ir::MapEntry* entry = module.resources[0].properties->find(name);
  REQUIRE(entry);
  return entry->value;
}

ir::Module read(const std::string& text) {
  ir::Diagnostics diagnostics;
  auto module = frontend::readCloudFormation("t.yaml", text, diagnostics);
  REQUIRE(module);
  return *module;
}

ir::InputValues portAndName() {
  ir::InputValues values;
  values.inputs["port"] = {"8080", frontend::plainScalar("8080")};
  values.context["service.name"] = {"svc1", frontend::plainScalar("svc1")};
  return values;
}

const std::vector<jinja::Sentinel> kSentinels{
    {"__pm7_1__", "service_instance.inputs.port", jinja::Value(8080), {1, 1}},
    {"__pm7_2__", "service.name", jinja::Value("svc1"), {1, 1}},
};

} // namespace

TEST_CASE("a scalar that is exactly one sentinel becomes the reference it stands for") {
  Lifted lifted = lift("Resources:\n  R:\n    Type: T\n    Properties:\n      Port: __pm7_1__\n"
                       "      Name: __pm7_2__\n",
                       kSentinels);
  CHECK(lifted.lifted.size() == 2);
  CHECK(property(lifted.module, "Port")->kind() == ir::ExprKind::InputRef);
  CHECK(property(lifted.module, "Port")->name() == "port");
  CHECK(property(lifted.module, "Name")->kind() == ir::ExprKind::ContextRef);
  CHECK(property(lifted.module, "Name")->name() == "service.name");
}

TEST_CASE("a number input printed bare instantiates to the number rendered mode reads") {
  Lifted lifted =
      lift("Resources:\n  R:\n    Type: T\n    Properties:\n      Port: __pm7_1__\n", kSentinels);
  ir::Module rendered = read("Resources:\n  R:\n    Type: T\n    Properties:\n      Port: 8080\n");
  CHECK(ir::equalModules(ir::instantiate(lifted.module, portAndName()), rendered));
}

TEST_CASE("a quoted sentinel and text around sentinels become a concatenation of strings") {
  std::string text = "Resources:\n  R:\n    Type: T\n    Properties:\n      Port: \"__pm7_1__\"\n"
                     "      Name: app-__pm7_2__-${x}\n";
  Lifted lifted = lift(text, kSentinels);
  CHECK(property(lifted.module, "Port")->kind() == ir::ExprKind::Sub);
  CHECK(property(lifted.module, "Name")->kind() == ir::ExprKind::Sub);
  ir::Module rendered =
      read("Resources:\n  R:\n    Type: T\n    Properties:\n      Port: \"8080\"\n"
           "      Name: app-svc1-${x}\n");
  CHECK(ir::equalModules(ir::instantiate(lifted.module, portAndName()), rendered));
}

TEST_CASE("a sentinel inside a Fn::Sub string becomes a Sub variable; its own variables stay") {
  std::string text = "Resources:\n  R:\n    Type: T\n    Properties:\n"
                     "      Arn: !Sub 'arn:${AWS::Region}:__pm7_2__:${Bucket.Arn}'\n";
  Lifted lifted = lift(text, kSentinels);
  ir::ExprPtr arn = property(lifted.module, "Arn");
  REQUIRE(arn->kind() == ir::ExprKind::Sub);
  REQUIRE(arn->sub().variables.size() == 1);
  CHECK(arn->sub().variables[0].value->kind() == ir::ExprKind::ContextRef);
  ir::Module rendered = read("Resources:\n  R:\n    Type: T\n    Properties:\n"
                             "      Arn: !Sub 'arn:${AWS::Region}:svc1:${Bucket.Arn}'\n");
  CHECK(ir::equalModules(ir::instantiate(lifted.module, portAndName()), rendered));
}

TEST_CASE("a sentinel in a mapping key or logical ID is not lifted") {
  Lifted lifted = lift("Resources:\n  R__pm7_2__:\n    Type: T\n    Properties:\n"
                       "      __pm7_1__: x\n",
                       kSentinels);
  CHECK(lifted.lifted.empty());
  CHECK(frontend::placeOfToken(lifted.module, "__pm7_2__") == "a logical ID");
  CHECK(frontend::placeOfToken(lifted.module, "__pm7_1__") == "a mapping key");
}

TEST_CASE("structural equality ignores locations but not values") {
  ir::Module a = read("Resources:\n  R:\n    Type: T\n    Properties:\n      P: 1\n");
  ir::Module b = read("\n\nResources:\n  R:\n     Type: T\n     Properties: {P: 1}\n");
  ir::Module c = read("Resources:\n  R:\n    Type: T\n    Properties:\n      P: 2\n");
  CHECK(ir::equalModules(a, b));
  CHECK_FALSE(ir::equalModules(a, c));
}

TEST_CASE("environmentOutputsNamed lists every environment output a template names, in order") {
  std::string text = "A: {{ environment.outputs.VpcId }}\n"
                     "B: {{environment.outputs._private2}}-{{ environment.outputs.VpcId }}\n"
                     "C: environment.outputs. and environment.outputs.9bad\n"
                     "D: environment.outputs.environment.outputs.Tail\n";
  CHECK(pm::frontend::environmentOutputsNamed(text) ==
        std::vector<std::string>{"VpcId", "_private2", "VpcId", "environment"});
}
