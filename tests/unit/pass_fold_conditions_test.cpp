// The fold-conditions pass: conditions over literals are decided, unknowns stay unknown, and
// Fn::If / Fn::Join / Fn::Select / Fn::Split over literals become literals.
#include "cloudformation_test_support.h"
#include "ir/expr_text.h"
#include "ir/passes/fold_conditions.h"

#include <doctest/doctest.h>

using namespace pm;

namespace {

ir::FoldedModule fold(const std::string& text, ir::Diagnostics& diagnostics) {
  auto module = frontend::readCloudFormation("t.yaml", text, diagnostics);
  REQUIRE(module);
  return ir::foldModule(*module, diagnostics);
}

std::size_t countRule(const ir::Diagnostics& diagnostics, std::string_view rule) {
  std::size_t count = 0;
  for (const ir::Diagnostic& diagnostic : diagnostics.all())
    count += diagnostic.ruleId == rule ? 1 : 0;
  return count;
}

constexpr const char* kConditions = R"(Parameters:
  Env: {Type: String}
Conditions:
  Yes: !Equals [a, a]
  No: !Equals ["1", 2]
  NumberAsText: !Equals [1.10, "1.10"]
  IsProd: !Equals [!Ref Env, prod]
  InRegion: !Equals [!Ref AWS::Region, us-east-1]
  NotNo: !Not [!Condition No]
  NotProd: !Not [!Condition IsProd]
  AndFalse: !And [!Condition IsProd, !Condition No]
  AndUnknown: !And [!Condition IsProd, !Condition Yes]
  OrTrue: !Or [!Condition IsProd, !Condition Yes]
  OrUnknown: !Or [!Condition IsProd, !Condition No]
  JoinedEquals: !Equals [!Join ["-", [a, b]], a-b]
Resources:
  Queue:
    Type: AWS::SQS::Queue
)";

} // namespace

TEST_CASE("Conditions over literals are decided and conditions over parameters stay unknown") {
  ir::Diagnostics diagnostics;
  ir::FoldedModule folded = fold(kConditions, diagnostics);
  using T = ir::Truth;
  CHECK(folded.truth("Yes") == T::True);
  CHECK(folded.truth("No") == T::False);
  CHECK(folded.truth("NumberAsText") == T::True);
  CHECK(folded.truth("IsProd") == T::Unknown);
  CHECK(folded.truth("InRegion") == T::Unknown);
  CHECK(folded.truth("NotNo") == T::True);
  CHECK(folded.truth("NotProd") == T::Unknown);
  CHECK(folded.truth("JoinedEquals") == T::True);
  CHECK(folded.truth("Undeclared") == T::Unknown);
  CHECK(diagnostics.all().empty());
}

TEST_CASE("And and Or follow three-valued logic") {
  ir::Diagnostics diagnostics;
  ir::FoldedModule folded = fold(kConditions, diagnostics);
  CHECK(folded.truth("AndFalse") == ir::Truth::False);
  CHECK(folded.truth("AndUnknown") == ir::Truth::Unknown);
  CHECK(folded.truth("OrTrue") == ir::Truth::True);
  CHECK(folded.truth("OrUnknown") == ir::Truth::Unknown);
}

TEST_CASE("Fn::If on a known condition folds to its branch and keeps the branch's location") {
  ir::Diagnostics diagnostics;
  ir::FoldedModule folded = fold(R"(Parameters:
  Env: {Type: String}
Conditions:
  Yes: !Equals [a, a]
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      Known: !If [Yes, kept, dropped]
      Open: !If [IsProd, !If [Yes, big, small], tiny]
)",
                                 diagnostics);
  ir::ExprPtr known = test::firstProperty(folded.module, "Known");
  REQUIRE(known->kind() == ir::ExprKind::String);
  CHECK(known->text() == "kept");
  CHECK(known->location() == ir::SourceLocation{"t.yaml", 10, 24});
  ir::ExprPtr open = test::firstProperty(folded.module, "Open");
  REQUIRE(open->kind() == ir::ExprKind::If);
  CHECK(ir::exprText(open) == R"(!If [IsProd, "big", "tiny"])");
}

TEST_CASE("Join, Select and Split over literals fold into literals at the intrinsic's location") {
  ir::Diagnostics diagnostics;
  ir::FoldedModule folded = fold(R"(Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      Joined: !Join [":", [a, 1, true]]
      Selected: !Select [1, [x, y, z]]
      Split: !Split [",", "a,b,,c"]
      Nested: !Select [2, !Split ["-", !Join ["-", [p, q, r]]]]
      OutOfRange: !Select [5, [x]]
      NotLiteral: !Join ["", [a, !Ref AWS::Region]]
)",
                                 diagnostics);
  ir::ExprPtr joined = test::firstProperty(folded.module, "Joined");
  REQUIRE(joined->kind() == ir::ExprKind::String);
  CHECK(joined->text() == "a:1:true");
  CHECK(joined->location() == ir::SourceLocation{"t.yaml", 5, 15});
  CHECK(test::firstProperty(folded.module, "Selected")->text() == "y");
  CHECK(ir::exprText(test::firstProperty(folded.module, "Split")) == R"(["a", "b", "", "c"])");
  CHECK(test::firstProperty(folded.module, "Nested")->text() == "r");
  CHECK(test::firstProperty(folded.module, "OutOfRange")->kind() == ir::ExprKind::Select);
  CHECK(test::firstProperty(folded.module, "NotLiteral")->kind() == ir::ExprKind::Join);
}

TEST_CASE("Folding leaves the original module untouched") {
  ir::Diagnostics diagnostics;
  auto module = frontend::readCloudFormation("t.yaml", R"(Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      Joined: !Join ["-", [a, b]]
      Same: plain
)",
                                             diagnostics);
  REQUIRE(module);
  ir::FoldedModule folded = ir::foldModule(*module, diagnostics);
  CHECK(test::firstProperty(*module, "Joined")->kind() == ir::ExprKind::Join);
  CHECK(test::firstProperty(folded.module, "Joined")->kind() == ir::ExprKind::String);
  // Unchanged nodes are shared, not copied.
  CHECK(test::firstProperty(*module, "Same") == test::firstProperty(folded.module, "Same"));
}

TEST_CASE("A resource whose condition is always false is reported as never created") {
  ir::Diagnostics diagnostics;
  fold(R"(Parameters:
  Env: {Type: String}
Conditions:
  Never: !Equals [a, b]
  Maybe: !Equals [!Ref Env, b]
Resources:
  Dead:
    Type: AWS::SQS::Queue
    Condition: Never
  Alive:
    Type: AWS::SQS::Queue
    Condition: Maybe
)",
       diagnostics);
  REQUIRE(diagnostics.all().size() == 1);
  const ir::Diagnostic& info = diagnostics.all()[0];
  CHECK(info.ruleId == ir::kNeverCreatedRule);
  CHECK(info.severity == ir::Severity::Info);
  CHECK(info.location == ir::SourceLocation{"t.yaml", 9, 16});
  CHECK(info.message.find("'Dead'") != std::string::npos);
  CHECK_FALSE(diagnostics.hasErrors());
}

TEST_CASE("A condition that depends on itself is reported once and stays unknown") {
  ir::Diagnostics diagnostics;
  ir::FoldedModule folded = fold(R"(Conditions:
  A: !And [!Condition B, !Equals [x, x]]
  B: !Or [!Condition A, !Equals [x, y]]
  Self: !Not [!Condition Self]
  Outside: !Not [!Condition A]
Resources:
  Queue:
    Type: AWS::SQS::Queue
)",
                                 diagnostics);
  CHECK(countRule(diagnostics, ir::kConditionCycleRule) == 2);
  const ir::Diagnostic& first = diagnostics.all().at(0);
  CHECK(first.severity == ir::Severity::Error);
  CHECK(first.message.find("A -> B -> A") != std::string::npos);
  CHECK(first.location == ir::SourceLocation{"t.yaml", 3, 11});
  CHECK(folded.truth("A") == ir::Truth::Unknown);
  CHECK(folded.truth("B") == ir::Truth::Unknown);
  CHECK(folded.truth("Self") == ir::Truth::Unknown);
  CHECK(folded.truth("Outside") == ir::Truth::Unknown);
}

TEST_CASE("Folding a graph records every module by name") {
  ir::Diagnostics diagnostics;
  ir::ModuleGraph graph;
  auto module = frontend::readCloudFormation("t.yaml", kConditions, diagnostics);
  REQUIRE(module);
  module->name = "env";
  graph.add(std::move(*module));
  ir::FoldedGraph folded;
  ir::runFoldConditions(graph, diagnostics, folded);
  REQUIRE(folded.find("env"));
  CHECK(folded.find("env")->truth("Yes") == ir::Truth::True);
  CHECK(folded.find("other") == nullptr);
}
