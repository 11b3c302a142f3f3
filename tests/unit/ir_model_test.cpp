// The model: expression nodes, the data tables and the module graph.
#include "ir/ir.h"

#include <doctest/doctest.h>

using namespace pm;

TEST_CASE("Every intrinsic has a long name and a short tag that find it again") {
  for (const ir::IntrinsicInfo& info : ir::intrinsics()) {
    CHECK(ir::findIntrinsicByLongName(info.longName) == &info);
    CHECK(ir::findIntrinsicByTag(info.shortTag) == &info);
    CHECK(ir::exprKindName(info.kind) == info.longName);
  }
  CHECK(ir::findIntrinsicByTag("!Nope") == nullptr);
}

TEST_CASE("The pseudo parameter table has the eight CloudFormation pseudo parameters") {
  CHECK(ir::pseudoParameters().size() == 8);
  CHECK(ir::findPseudoParameter("AWS::NoValue"));
  CHECK(ir::findPseudoParameter("AWS::URLSuffix"));
  CHECK_FALSE(ir::findPseudoParameter("AWS::Nothing"));
}

TEST_CASE("Expressions expose their children in source order for walking") {
  ir::SourceLocation here{"f", 1, 1};
  ir::ExprPtr tree = ir::Expr::list(
      {ir::Expr::ref("A", here),
       ir::Expr::ifThen("C", ir::Expr::string("x", here), ir::Expr::inputRef("size", here), here),
       ir::Expr::map({{"k", here, ir::Expr::contextRef("environment.name", here)}}, here)},
      here);
  std::vector<ir::ExprKind> kinds;
  ir::walkExpr(tree, [&](const ir::Expr& node) {
    kinds.push_back(node.kind());
    return true;
  });
  using K = ir::ExprKind;
  CHECK(kinds ==
        std::vector<K>{K::List, K::Ref, K::If, K::String, K::InputRef, K::Map, K::ContextRef});
  CHECK(ir::exprText(tree) ==
        "[!Ref A, !If [C, \"x\", input size], {k: context environment.name}]");
  CHECK_THROWS(tree->text()); // wrong accessor: a programmer error
}

TEST_CASE("The module graph orders upstream modules first and finds cycles") {
  ir::ModuleGraph graph;
  ir::Module instance;
  instance.name = "api";
  instance.upstreamModules = {"env"};
  graph.add(instance);
  ir::Module environment;
  environment.name = "env";
  graph.add(environment);
  auto order = graph.topologicalOrder();
  REQUIRE(order.size() == 2);
  CHECK(order[0]->name == "env");
  CHECK(order[1]->name == "api");
  CHECK(graph.findCycle().empty());

  graph.find("env")->upstreamModules = {"api"};
  CHECK(graph.findCycle() == std::vector<std::string>{"api", "env", "api"});
  CHECK(graph.topologicalOrder().empty());
}
