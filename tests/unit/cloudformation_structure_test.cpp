// Structural problems CloudFormation would reject are reported where they are written, and
// no input makes the reader throw or crash.
#include "cloudformation_test_support.h"

#include <doctest/doctest.h>

using namespace pm;

namespace {

// The only diagnostic of reading `text`; fails the test if there is not exactly one.
ir::Diagnostic onlyDiagnostic(const std::string& text) {
  auto result = test::readTemplate(text);
  INFO(text);
  REQUIRE(result.diagnostics.all().size() == 1);
  return result.diagnostics.all()[0];
}

void checkDiagnostic(const ir::Diagnostic& diagnostic, const char* rule, int line, int column) {
  CHECK(diagnostic.ruleId == rule);
  CHECK(diagnostic.location == ir::SourceLocation{"t.yaml", line, column});
}

constexpr const char* kBucket = "Resources:\n  B:\n    Type: AWS::S3::Bucket\n";

} // namespace

TEST_CASE("A YAML syntax error is reported at its line and column and does not throw") {
  auto result = test::readTemplate("Resources:\n  B: [1, 2\n  C: d\n");
  CHECK_FALSE(result.module);
  REQUIRE(result.diagnostics.all().size() == 1);
  const ir::Diagnostic& error = result.diagnostics.all()[0];
  CHECK(error.ruleId == "PRS001");
  CHECK(error.location.line == 3);
  CHECK(error.message.find("YAML syntax error") == 0);
}

TEST_CASE("A template that is not a map is rejected") {
  auto result = test::readTemplate("- a\n- b\n");
  CHECK_FALSE(result.module);
  checkDiagnostic(result.diagnostics.all().at(0), "PRS008", 1, 1);
  CHECK_FALSE(test::readTemplate("").module);
  CHECK_FALSE(test::readTemplate("just text").module);
}

TEST_CASE("A template without Resources is reported") {
  checkDiagnostic(onlyDiagnostic("Description: nothing\n"), "PRS008", 1, 1);
}

TEST_CASE("A resource without Type is reported at its logical ID") {
  checkDiagnostic(onlyDiagnostic("Resources:\n  B:\n    Properties: {}\n"), "PRS008", 2, 3);
}

TEST_CASE("An unknown top-level section is reported") {
  checkDiagnostic(onlyDiagnostic(std::string(kBucket) + "Output:\n  X: {Value: 1}\n"), "PRS008", 4,
                  1);
}

TEST_CASE("An unknown resource attribute is reported") {
  checkDiagnostic(onlyDiagnostic(std::string(kBucket) + "    Propertes: {}\n"), "PRS008", 4, 5);
}

TEST_CASE("GetAtt with three parts becomes an Unsupported node with a diagnostic") {
  auto result =
      test::readTemplate(std::string(kBucket) + "    Properties:\n      A: !GetAtt [X, Y, Z]\n");
  REQUIRE(result.module);
  REQUIRE(result.diagnostics.all().size() == 1);
  checkDiagnostic(result.diagnostics.all()[0], "PRS008", 5, 10);
  ir::ExprPtr a = test::firstProperty(*result.module, "A");
  REQUIRE(a->kind() == ir::ExprKind::Unsupported);
  CHECK(a->unsupported().construct == "!GetAtt");
  CHECK(a->unsupported().original->items().size() == 3);
}

TEST_CASE("Select with a non-list becomes an Unsupported node") {
  for (const char* value : {"!Select 0", "!Select [0, 'abc']", "{'Fn::Select': {a: b}}"}) {
    auto result =
        test::readTemplate(std::string(kBucket) + "    Properties:\n      A: " + value + "\n");
    INFO(value);
    REQUIRE(result.module);
    CHECK(result.diagnostics.errorCount() == 1);
    CHECK(test::firstProperty(*result.module, "A")->kind() == ir::ExprKind::Unsupported);
  }
}

TEST_CASE("Unknown functions and tags are kept as Unsupported nodes") {
  auto result = test::readTemplate(
      std::string(kBucket) + "    Properties:\n      A: {'Fn::Magic': x}\n      B: !Magic x\n");
  REQUIRE(result.module);
  CHECK(result.diagnostics.errorCount() == 2);
  CHECK(test::firstProperty(*result.module, "A")->unsupported().construct == "Fn::Magic");
  CHECK(test::firstProperty(*result.module, "B")->unsupported().construct == "!Magic");
}

TEST_CASE("A duplicate key is an error pointing at the second copy") {
  ir::Diagnostic diagnostic =
      onlyDiagnostic(std::string(kBucket) + "    Properties:\n      A: 1\n      A: 2\n");
  checkDiagnostic(diagnostic, "PRS008", 6, 7);
  REQUIRE(diagnostic.notes.size() == 1);
  CHECK(diagnostic.notes[0].location.line == 5);
}

TEST_CASE("Parameters, outputs, conditions and mappings are read in source order") {
  auto result = test::readTemplate(R"(AWSTemplateFormatVersion: '2010-09-09'
Description: demo
Transform: AWS::Serverless-2016-10-31
Parameters:
  Size: {Type: Number, Default: 3, MinValue: 1, MaxValue: 9}
  Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}
  Env: {Type: String, AllowedValues: [dev, prod], AllowedPattern: '[a-z]+', MaxLength: 4}
Mappings:
  Sizes: {dev: {n: 1}, prod: {n: 3}}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Condition: IsProd
    DependsOn: [Other]
    DeletionPolicy: Retain
  Other: {Type: AWS::SNS::Topic}
Outputs:
  Arn:
    Value: !Ref Other
    Export: {Name: !Sub '${AWS::StackName}-arn'}
    Condition: IsProd
)");
  REQUIRE(result.module);
  CHECK(result.diagnostics.all().empty());
  const ir::Module& m = *result.module;
  CHECK(m.formatVersion == "2010-09-09");
  CHECK(m.description == "demo");
  CHECK(m.hasTransform(ir::kServerlessTransform));
  REQUIRE(m.inputs.size() == 3);
  CHECK(m.inputs[0].type == ir::InputType::Number);
  CHECK(*m.inputs[0].minimum == 1);
  CHECK_FALSE(m.inputs[0].required);
  CHECK(m.inputs[1].type == ir::InputType::List);
  CHECK(m.inputs[1].cloudFormationType == "List<AWS::EC2::Subnet::Id>");
  CHECK(m.inputs[1].required);
  CHECK(m.inputs[2].allowedValues.size() == 2);
  CHECK(*m.inputs[2].pattern == "[a-z]+");
  CHECK(*m.inputs[2].maxLength == 4);
  CHECK(m.mappings.at(0).find("prod", "n")->number().text == "3");
  CHECK(m.conditions.at(0).name == "IsProd");
  REQUIRE(m.resources.size() == 2);
  CHECK(m.resources[0].logicalId == "Fn");
  CHECK(m.resources[0].condition->name == "IsProd");
  CHECK(m.resources[0].dependsOn.at(0).name == "Other");
  CHECK(m.resources[0].deletionPolicy->text() == "Retain");
  CHECK(m.outputs.at(0).exportName->kind() == ir::ExprKind::Sub);
  CHECK(m.outputs.at(0).condition->name == "IsProd");
}

TEST_CASE("Hostile YAML is refused with a diagnostic instead of a crash") {
  std::string deep = "Resources: " + std::string(5000, '[') + std::string(5000, ']') + "\n";
  CHECK_FALSE(test::readTemplate(deep).module);
  std::string cyclic = "Resources: &a\n  B: *a\n";
  auto cyclicResult = test::readTemplate(cyclic);
  CHECK(cyclicResult.diagnostics.hasErrors());
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char previous = 'a';
  for (char name = 'b'; name <= 'h'; ++name, ++previous)
    bomb += std::string(1, name) + ": &" + name + " [*" + previous + ", *" + previous + ", *" +
            previous + ", *" + previous + ", *" + previous + ", *" + previous + ", *" + previous +
            ", *" + previous + ", *" + previous + ", *" + previous + "]\n";
  CHECK(test::readTemplate(bomb).diagnostics.hasErrors());
  for (const char* odd : {"\t", "{", "Resources: !Ref", "? [a]\n: b\n", "---\na: 1\n---\nb: 2\n",
                          "Resources:\n  B:\n    Type: [x]\n", "\xEF\xBB\xBF{}"})
    CHECK_NOTHROW(test::readTemplate(odd));
}

TEST_CASE("A tagged block scalar as a sequence item is read despite yaml-cpp#1163") {
  auto result = test::readTemplate(R"(Resources:
  Alarm:
    Type: AWS::CloudWatch::Alarm
    Properties:
      AlarmActions:
        - !Ref >-
          Policy
      Other: !Sub 'x-${AWS::Region}'
  Policy: {Type: AWS::ApplicationAutoScaling::ScalingPolicy}
)");
  REQUIRE(result.module);
  CHECK(result.diagnostics.all().empty());
  ir::ExprPtr action = test::firstProperty(*result.module, "AlarmActions")->items().at(0);
  REQUIRE(action->kind() == ir::ExprKind::Ref);
  CHECK(action->name() == "Policy");
  // Offsets after the padded lines still point into the original text.
  ir::ExprPtr other = test::firstProperty(*result.module, "Other");
  CHECK(other->sub().parts.at(1).location == ir::SourceLocation{"t.yaml", 8, 22});
}

TEST_CASE("Unknown attributes of SAM resources are warnings under the Serverless transform") {
  auto result = test::readTemplate(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Description: invoked by a rule
    Connectors: {}
)");
  REQUIRE(result.module);
  REQUIRE(result.diagnostics.all().size() == 1);
  CHECK(result.diagnostics.all()[0].severity == ir::Severity::Warning);
  CHECK(result.module->resources.at(0).otherAttributes.size() == 2);
}
