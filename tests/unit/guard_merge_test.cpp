// The n-way merge of guard variants: differences carry their guard at the finest node, and
// instantiating the merged module with either guard value gives back the render it came from.
#include "frontend/parametric/guard_merge.h"
#include "ir/expr_equality.h"
#include "ir/guard_evaluation.h"

#include <doctest/doctest.h>

using namespace pm;
using ir::Expr;

namespace {

ir::ExprPtr text(const std::string& value) {
  return Expr::string(value, {});
}

ir::Resource resource(const std::string& id, std::vector<ir::MapEntry> properties) {
  ir::Resource made;
  made.logicalId = id;
  made.type = "AWS::SQS::Queue";
  made.properties = Expr::map(std::move(properties), {});
  return made;
}

ir::Module module(std::vector<ir::Resource> resources) {
  ir::Module made;
  made.resources = std::move(resources);
  return made;
}

ir::ExprPtr resolved(const ir::Module& merged, const std::string& id, bool guard) {
  return ir::resolveGuards(merged.findResource(id)->properties, {{"Guard1", guard}});
}

} // namespace

TEST_CASE("a property only one branch has becomes a guarded entry, and each branch comes back") {
  auto base = module({resource("Q", {{"A", {}, text("1")}, {"B", {}, text("2")}})});
  auto flipped = module({resource("Q", {{"A", {}, text("9")}, {"C", {}, text("3")}})});
  std::vector<frontend::GuardOverlap> overlaps;
  auto merged = frontend::mergeGuardVariants(base, {{"Guard1", true, flipped}}, overlaps);
  CHECK(overlaps.empty());
  const auto& entries = merged.findResource("Q")->properties->entries();
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].value->kind() == ir::ExprKind::Guarded);
  CHECK(ir::equalExprs(resolved(merged, "Q", true), base.resources[0].properties));
  CHECK(ir::equalExprs(resolved(merged, "Q", false), flipped.resources[0].properties));
}

TEST_CASE("a resource only the flipped branch has carries the opposite guard") {
  auto base = module({resource("Q", {})});
  auto flipped = module({resource("Q", {}), resource("Extra", {})});
  std::vector<frontend::GuardOverlap> overlaps;
  auto merged = frontend::mergeGuardVariants(base, {{"Guard1", true, flipped}}, overlaps);
  REQUIRE(merged.resources.size() == 2);
  CHECK(merged.resources[0].guards.empty());
  REQUIRE(merged.resources[1].guards.size() == 1);
  CHECK(merged.resources[1].guards[0].variable == "Guard1");
  CHECK(!merged.resources[1].guards[0].whenTrue);
}

TEST_CASE("list items inserted or dropped by a branch are guarded items") {
  auto list = [](std::vector<std::string> items) {
    std::vector<ir::ExprPtr> exprs;
    for (const auto& item : items)
      exprs.push_back(text(item));
    return Expr::list(std::move(exprs), {});
  };
  auto base = module({resource("Q", {{"L", {}, list({"a", "b", "c"})}})});
  auto flipped = module({resource("Q", {{"L", {}, list({"a", "x", "y", "c"})}})});
  std::vector<frontend::GuardOverlap> overlaps;
  auto merged = frontend::mergeGuardVariants(base, {{"Guard1", false, flipped}}, overlaps);
  CHECK(ir::equalExprs(resolved(merged, "Q", false), base.resources[0].properties));
  CHECK(ir::equalExprs(resolved(merged, "Q", true), flipped.resources[0].properties));
}

TEST_CASE("two guards that change one scalar are reported as an overlap") {
  auto base = module({resource("Q", {{"A", {}, text("1")}})});
  auto first = module({resource("Q", {{"A", {}, text("2")}})});
  auto second = module({resource("Q", {{"A", {}, text("3")}})});
  std::vector<frontend::GuardOverlap> overlaps;
  frontend::mergeGuardVariants(base, {{"Guard1", true, first}, {"Guard2", true, second}}, overlaps);
  REQUIRE(overlaps.size() == 1);
  CHECK(overlaps[0].first == "Guard1");
  CHECK(overlaps[0].second == "Guard2");
}

TEST_CASE("guard conditions evaluate with Python's meaning over printed values") {
  ir::InputValues values;
  values.inputs["kind"] = {"application", text("application"), true};
  values.inputs["enabled"] = {"False", Expr::boolean(false, {}), false};
  auto kind = Expr::inputRef("kind", {});
  CHECK(ir::evaluateCondition(Expr::call(ir::ExprKind::Equals, {kind, text("application")}, {}),
                              values) == true);
  CHECK(ir::evaluateCondition(Expr::inputRef("enabled", {}), values) == false);
  CHECK(ir::evaluateCondition(Expr::call(ir::ExprKind::Defined, {Expr::inputRef("x", {})}, {}),
                              values) == false);
  CHECK(!ir::evaluateCondition(Expr::inputRef("missing", {}), values));
}
