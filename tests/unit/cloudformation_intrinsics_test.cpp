// The CloudFormation reader turns the short (!Ref) and long (Ref:) forms of every intrinsic
// function into the same typed nodes.
#include "cloudformation_test_support.h"

#include <doctest/doctest.h>

using namespace pm;
using ir::ExprKind;

namespace {

// Wraps `value` as property P of a bucket.
std::string withProperty(const std::string& value) {
  return "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      P: " + value +
         "\n";
}

ir::ExprPtr readProperty(const std::string& value) {
  auto result = test::readTemplate(withProperty(value));
  REQUIRE(result.module);
  INFO(value);
  CHECK(result.diagnostics.all().empty());
  return test::firstProperty(*result.module, "P");
}

} // namespace

TEST_CASE("Ref reads the same in short and long form") {
  for (const char* text : {"!Ref Name", "{Ref: Name}"}) {
    ir::ExprPtr expr = readProperty(text);
    REQUIRE(expr->kind() == ExprKind::Ref);
    CHECK(expr->name() == "Name");
  }
}

TEST_CASE("GetAtt reads the dotted string and the list form") {
  for (const char* text : {"!GetAtt Queue.Arn", "!GetAtt [Queue, Arn]",
                           "{'Fn::GetAtt': [Queue, Arn]}", "{'Fn::GetAtt': Queue.Arn}"}) {
    ir::ExprPtr expr = readProperty(text);
    REQUIRE(expr->kind() == ExprKind::GetAtt);
    CHECK(expr->getAtt().logicalId == "Queue");
    CHECK(expr->getAtt().attribute == "Arn");
  }
  ir::ExprPtr nested = readProperty("!GetAtt Db.Endpoint.Address");
  CHECK(nested->getAtt().logicalId == "Db");
  CHECK(nested->getAtt().attribute == "Endpoint.Address");
  ir::ExprPtr computed = readProperty("!GetAtt [Db, !Ref AttributeName]");
  REQUIRE(computed->getAtt().attributeExpr);
  CHECK(computed->getAtt().attributeExpr->kind() == ExprKind::Ref);
}

TEST_CASE("List-argument intrinsics read the same in short and long form") {
  struct Case {
    const char* shortForm;
    const char* longForm;
    ExprKind kind;
    std::size_t arguments;
  };
  const Case cases[] = {
      {"!Join ['-', [a, b]]", "{'Fn::Join': ['-', [a, b]]}", ExprKind::Join, 2},
      {"!Select [0, !GetAZs '']", "{'Fn::Select': [0, {'Fn::GetAZs': ''}]}", ExprKind::Select, 2},
      {"!Split [',', 'a,b']", "{'Fn::Split': [',', 'a,b']}", ExprKind::Split, 2},
      {"!Equals [a, b]", "{'Fn::Equals': [a, b]}", ExprKind::Equals, 2},
      {"!FindInMap [M, k1, k2]", "{'Fn::FindInMap': [M, k1, k2]}", ExprKind::FindInMap, 3},
      {"!Cidr ['10.0.0.0/16', 6, 5]", "{'Fn::Cidr': ['10.0.0.0/16', 6, 5]}", ExprKind::Cidr, 3},
      {"!Not [!Equals [a, b]]", "{'Fn::Not': [{'Fn::Equals': [a, b]}]}", ExprKind::Not, 1},
      {"!And [!Equals [a, b], !Equals [c, d]]",
       "{'Fn::And': [{'Fn::Equals': [a, b]}, {'Fn::Equals': [c, d]}]}", ExprKind::And, 2},
      {"!Or [!Equals [a, b], !Equals [c, d]]",
       "{'Fn::Or': [{'Fn::Equals': [a, b]}, {'Fn::Equals': [c, d]}]}", ExprKind::Or, 2},
  };
  for (const Case& c : cases) {
    for (const char* text : {c.shortForm, c.longForm}) {
      ir::ExprPtr expr = readProperty(text);
      CHECK(expr->kind() == c.kind);
      CHECK(expr->arguments().size() == c.arguments);
    }
  }
}

TEST_CASE("Single-argument intrinsics read the same in short and long form") {
  struct Case {
    const char* shortForm;
    const char* longForm;
    ExprKind kind;
  };
  const Case cases[] = {
      {"!GetAZs us-east-1", "{'Fn::GetAZs': us-east-1}", ExprKind::GetAZs},
      {"!ImportValue SharedVpc", "{'Fn::ImportValue': SharedVpc}", ExprKind::ImportValue},
      {"!Base64 text", "{'Fn::Base64': text}", ExprKind::Base64},
      {"!Length [a, b]", "{'Fn::Length': [a, b]}", ExprKind::Length},
      {"!ToJsonString {a: b}", "{'Fn::ToJsonString': {a: b}}", ExprKind::ToJsonString},
      {"!Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}",
       "{'Fn::Transform': {Name: AWS::Include, Parameters: {Location: s3://b/k}}}",
       ExprKind::Transform},
  };
  for (const Case& c : cases) {
    for (const char* text : {c.shortForm, c.longForm}) {
      ir::ExprPtr expr = readProperty(text);
      CHECK(expr->kind() == c.kind);
      CHECK(expr->arguments().size() == 1);
    }
  }
}

TEST_CASE("If keeps the condition name and both branches") {
  for (const char* text :
       {"!If [IsProd, big, !Ref AWS::NoValue]", "{'Fn::If': [IsProd, big, {Ref: AWS::NoValue}]}"}) {
    ir::ExprPtr expr = readProperty(text);
    REQUIRE(expr->kind() == ExprKind::If);
    CHECK(expr->name() == "IsProd");
    CHECK(expr->arguments()[0]->text() == "big");
    CHECK(expr->arguments()[1]->kind() == ExprKind::Ref);
  }
}

TEST_CASE("Condition is a reference inside Conditions and an ordinary key elsewhere") {
  auto result = test::readTemplate(R"(Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsBig: !And [{Condition: IsProd}, !Condition IsProd]
Parameters:
  Env: {Type: String}
Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Statement: {Condition: {StringEquals: {a: b}}}
)");
  REQUIRE(result.module);
  CHECK(result.diagnostics.all().empty());
  const auto& arguments = result.module->conditions.at(1).expression->arguments();
  CHECK(arguments[0]->kind() == ExprKind::Condition);
  CHECK(arguments[1]->kind() == ExprKind::Condition);
  CHECK(arguments[1]->name() == "IsProd");
  CHECK(test::firstProperty(*result.module, "Statement")->kind() == ExprKind::Map);
}

TEST_CASE("Scalars keep their type and numbers keep their source text") {
  auto result = test::readTemplate(withProperty("{a: 1.10, b: '1.10', c: true, d: ~, e: 7}"));
  REQUIRE(result.module);
  ir::ExprPtr map = test::firstProperty(*result.module, "P");
  CHECK(map->find("a")->value->kind() == ExprKind::Number);
  CHECK(map->find("a")->value->number().text == "1.10");
  CHECK(map->find("a")->value->number().value == doctest::Approx(1.1));
  CHECK(map->find("b")->value->kind() == ExprKind::String);
  CHECK(map->find("c")->value->boolean());
  CHECK(map->find("d")->value->kind() == ExprKind::Null);
  CHECK(map->find("e")->value->number().text == "7");
}

TEST_CASE("A string with {{resolve:...}} becomes a dynamic reference") {
  ir::ExprPtr expr = readProperty("'pre-{{resolve:ssm:/app/name:2}}-post'");
  REQUIRE(expr->kind() == ExprKind::DynamicReference);
  const auto& segments = expr->dynamicReference().segments;
  REQUIRE(segments.size() == 3);
  CHECK(segments[0].text == "pre-");
  CHECK(segments[1].isReference);
  CHECK(segments[1].service == "ssm");
  CHECK(segments[1].key == "/app/name:2");
  CHECK(segments[2].text == "-post");
}

TEST_CASE("Nodes carry the line and column they were written at") {
  auto result = test::readTemplate(R"(Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Ref Name
      Tags:
        - {Key: k, Value: !GetAtt Other.Arn}
)");
  REQUIRE(result.module);
  const ir::Resource& bucket = result.module->resources.at(0);
  CHECK(bucket.location == ir::SourceLocation{"t.yaml", 2, 3});
  CHECK(bucket.typeLocation == ir::SourceLocation{"t.yaml", 3, 11});
  CHECK(test::firstProperty(*result.module, "BucketName")->location() ==
        ir::SourceLocation{"t.yaml", 5, 19});
  ir::ExprPtr tag = test::firstProperty(*result.module, "Tags")->items().at(0);
  CHECK(tag->location() == ir::SourceLocation{"t.yaml", 7, 11});
  CHECK(tag->find("Value")->keyLocation == ir::SourceLocation{"t.yaml", 7, 20});
  CHECK(tag->find("Value")->value->location() == ir::SourceLocation{"t.yaml", 7, 27});
}
