// Fn::Sub template strings are parsed into literal text and ${...} variable parts.
#include "cloudformation_test_support.h"
#include "frontend/cloudformation/sub_template.h"

#include <doctest/doctest.h>

using namespace pm;
using Kind = ir::SubPart::Kind;

TEST_CASE("A Sub template splits into text, variables, attributes and escaped literals") {
  auto parts = frontend::parseSubTemplate("arn:${AWS::Partition}:s3:::${Bucket.Arn}/${!Literal}");
  REQUIRE(parts.size() == 6);
  CHECK(parts[0].part.kind == Kind::Text);
  CHECK(parts[0].part.text == "arn:");
  CHECK(parts[1].part.kind == Kind::Variable);
  CHECK(parts[1].part.name == "AWS::Partition");
  CHECK(parts[1].part.attribute.empty());
  CHECK(parts[2].part.text == ":s3:::");
  CHECK(parts[3].part.name == "Bucket");
  CHECK(parts[3].part.attribute == "Arn");
  CHECK(parts[3].offset == 27);
  CHECK(parts[5].part.kind == Kind::EscapedVariable);
  CHECK(parts[5].part.text == "Literal");
}

TEST_CASE("An unterminated or empty ${ stays literal text") {
  auto parts = frontend::parseSubTemplate("a ${} b ${open");
  REQUIRE(parts.size() == 1);
  CHECK(parts[0].part.text == "a ${} b ${open");
}

TEST_CASE("Sub reads the string form and the map form with variables") {
  auto result = test::readTemplate(R"(Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      A: !Sub 'x-${Name}'
      B: !Sub
        - '${Domain}/${AWS::Region}'
        - Domain: !Ref DomainName
      C: {'Fn::Sub': ['${X}', {X: y}]}
)");
  REQUIRE(result.module);
  CHECK(result.diagnostics.all().empty());
  const ir::SubTemplate& a = test::firstProperty(*result.module, "A")->sub();
  CHECK_FALSE(a.listForm);
  CHECK(a.source == "x-${Name}");
  REQUIRE(a.parts.size() == 2);
  CHECK(a.parts[1].location == ir::SourceLocation{"t.yaml", 5, 18});
  const ir::SubTemplate& b = test::firstProperty(*result.module, "B")->sub();
  CHECK(b.listForm);
  REQUIRE(b.variables.size() == 1);
  CHECK(b.variables[0].key == "Domain");
  CHECK(b.variables[0].value->kind() == ir::ExprKind::Ref);
  CHECK(b.parts[0].location == ir::SourceLocation{"t.yaml", 7, 12});
  CHECK(test::firstProperty(*result.module, "C")->sub().variables.size() == 1);
}

TEST_CASE("Sub variables in a block scalar are located on their own line") {
  auto result = test::readTemplate(R"(Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Code: !Sub |
        first line
          uses ${Table}
)");
  REQUIRE(result.module);
  const ir::SubTemplate& sub = test::firstProperty(*result.module, "Code")->sub();
  REQUIRE(sub.parts.size() == 3);
  CHECK(sub.parts[1].name == "Table");
  CHECK(sub.parts[1].location == ir::SourceLocation{"t.yaml", 7, 16});
}

TEST_CASE("Sub with an unterminated variable is read with a warning") {
  auto result = test::readTemplate(R"(Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      A: !Sub 'x-${Name'
)");
  REQUIRE(result.module);
  REQUIRE(result.diagnostics.all().size() == 1);
  CHECK(result.diagnostics.all()[0].severity == ir::Severity::Warning);
  CHECK(result.diagnostics.all()[0].ruleId == "PRS008");
}
