// The CloudFormation type table and the check-types pass that reads it.
#include "cloudformation_test_support.h"
#include "ir/passes/check_types.h"
#include "ir/type_table.h"

#include "ir/table_text.h"
#include <cstdlib>

#include <doctest/doctest.h>
#include <string>
#include <vector>

using pm::ir::TypeTable;

namespace {

const pm::ir::ResourceType& knownType(std::string_view name) {
  const pm::ir::ResourceType* type = TypeTable::instance().find(name);
  REQUIRE(type != nullptr);
  return *type;
}

// Reads `text` as a template and runs resolve-free type checking on it.
pm::ir::Diagnostics checkTypes(const std::string& text) {
  pm::test::ReadResult read = pm::test::readTemplate(text);
  REQUIRE(read.module);
  REQUIRE_FALSE(read.diagnostics.hasErrors());
  pm::ir::Diagnostics diagnostics;
  pm::ir::runCheckTypes(*read.module, diagnostics);
  return diagnostics;
}

} // namespace

TEST_CASE("the type table loads from the source tree and knows every CloudFormation type") {
  const TypeTable& table = TypeTable::instance();
  INFO(table.loadError());
  REQUIRE(table.loaded());
  CHECK(table.size() >= 1500);
  CHECK(table.find("AWS::Nope::Nothing") == nullptr);
}

TEST_CASE("the type table's index points at every type, as bisecting its records finds it") {
  const TypeTable& table = TypeTable::instance();
  REQUIRE(table.loaded());
  auto text = pm::ir::TableText::map(table.path());
  REQUIRE(text);
  std::size_t firstType = pm::ir::nextRecord(text->text(), 0, "T");
  for (std::string_view name : table.typeNames()) {
    auto indexed = pm::ir::findIndexedRecord(text->text(), firstType, "I", "T", name);
    INFO(name);
    REQUIRE(indexed);
    CHECK(*indexed == pm::ir::findSortedRecord(text->text(), "T", name));
  }
}

TEST_CASE("AWS::S3::Bucket has its attributes, BucketName and a Ref to its name") {
  const pm::ir::ResourceType& bucket = knownType("AWS::S3::Bucket");
  CHECK(bucket.hasAttribute("Arn"));
  CHECK(bucket.hasAttribute("DomainName"));
  CHECK_FALSE(bucket.hasAttribute("Arnn"));
  const pm::ir::PropertyInfo* name = bucket.property("BucketName");
  REQUIRE(name != nullptr);
  CHECK(name->type == "string");
  CHECK(name->createOnly);
  CHECK_FALSE(name->required);
  CHECK(bucket.refReturns() == "BucketName");
  REQUIRE(bucket.primaryIdentifier().size() == 1);
  CHECK(bucket.primaryIdentifier()[0] == "BucketName");
}

TEST_CASE("AWS::EC2::VPC knows its CIDR block, default security group and VpcId") {
  const pm::ir::ResourceType& vpc = knownType("AWS::EC2::VPC");
  CHECK(vpc.property("CidrBlock") != nullptr);
  CHECK(vpc.hasAttribute("DefaultSecurityGroup"));
  CHECK(vpc.hasAttribute("CidrBlockAssociations"));
  CHECK(vpc.refReturns() == "VpcId");
}

TEST_CASE("a nested property type lists its own properties and required flags") {
  const pm::ir::ResourceType& bucket = knownType("AWS::S3::Bucket");
  const pm::ir::PropertyInfo* encryption = bucket.property("BucketEncryption");
  REQUIRE(encryption != nullptr);
  const pm::ir::PropertyType* nested = bucket.nestedType(encryption->type);
  REQUIRE(nested != nullptr);
  const pm::ir::PropertyInfo* rules = nested->property("ServerSideEncryptionConfiguration");
  REQUIRE(rules != nullptr);
  CHECK(rules->required);
  CHECK(rules->type == "list<ServerSideEncryptionRule>");
}

TEST_CASE("nested dotted attributes and Outputs.* patterns are accepted by GetAtt") {
  CHECK(knownType("AWS::RDS::DBInstance").hasAttribute("Endpoint.Address"));
  CHECK(knownType("AWS::CloudFormation::Stack").hasAttribute("Outputs.VpcId"));
  CHECK_FALSE(knownType("AWS::CloudFormation::Stack").hasAttribute("Outputs"));
}

TEST_CASE("SAM types are transform types with the attributes of what SAM generates") {
  const pm::ir::ResourceType& function = knownType("AWS::Serverless::Function");
  CHECK(function.isTransformType());
  CHECK(function.hasAttribute("Arn"));
  CHECK(function.refReturns() == "FunctionName");
  CHECK(knownType("AWS::Serverless::Api").hasAttribute("RootResourceId"));
}

TEST_CASE("a table that cannot be read says so instead of failing") {
  auto table = TypeTable::load("/nonexistent/cloudformation-types.tsv");
  CHECK_FALSE(table->loaded());
  CHECK(table->loadError().find("/nonexistent/") != std::string::npos);
  CHECK(table->find("AWS::S3::Bucket") == nullptr);
}

TEST_CASE("a table read from text parses types lazily") {
  auto table =
      TypeTable::fromText("# comment\nT\tX::Y::Z\tId\tId\tresource\nA\tArn\tOut.*\n"
                          "P\tId\tstring\tr\nP\tConf\tConf\t-\nN\tConf\nP\tA\tinteger\tr\n");
  REQUIRE(table->size() == 1);
  const pm::ir::ResourceType* type = table->find("X::Y::Z");
  REQUIRE(type != nullptr);
  CHECK(type->property("Id")->required);
  CHECK(type->nestedType("Conf")->property("A")->type == "integer");
  CHECK(type->hasAttribute("Out.Anything"));
  CHECK(type->properties().size() == 2);
}

TEST_CASE("check types is silent on a valid template") {
  pm::ir::Diagnostics diagnostics = checkTypes(R"(Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: b
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
  Custom:
    Type: Custom::Thing
    Properties:
      Anything: 1
Outputs:
  Arn:
    Value: !GetAtt Bucket.Arn
  Url:
    Value: !Sub "https://${Bucket.DomainName}/"
)");
  CHECK(diagnostics.all().empty());
}

TEST_CASE("check types warns about an unknown resource type with a suggestion") {
  pm::ir::Diagnostics diagnostics = checkTypes("Resources:\n  B:\n    Type: AWS::S3::Buckets\n");
  REQUIRE(diagnostics.all().size() == 1);
  const pm::ir::Diagnostic& found = diagnostics.all()[0];
  CHECK(found.ruleId == "PRS014");
  CHECK(found.severity == pm::ir::Severity::Warning);
  CHECK(found.location.line == 3);
  CHECK(found.message.find("did you mean 'AWS::S3::Bucket'") != std::string::npos);
}

TEST_CASE("check types reports a GetAtt attribute the type does not have") {
  pm::ir::Diagnostics diagnostics = checkTypes(R"(Resources:
  B:
    Type: AWS::S3::Bucket
Outputs:
  A:
    Value: !GetAtt B.Arnn
)");
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].ruleId == "PRS015");
  CHECK(diagnostics.all()[0].location.line == 6);
  CHECK(diagnostics.all()[0].message.find("did you mean 'Arn'") != std::string::npos);
}

TEST_CASE("check types reports an unknown property at its key") {
  pm::ir::Diagnostics diagnostics = checkTypes(R"(Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      BucketNme: x
)");
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].ruleId == "PRS016");
  CHECK(diagnostics.all()[0].location.line == 5);
  CHECK(diagnostics.all()[0].message.find("did you mean 'BucketName'") != std::string::npos);
}

TEST_CASE("check types reports a missing required property but not one behind Fn::If") {
  pm::ir::Diagnostics missing = checkTypes("Resources:\n  R:\n    Type: AWS::IAM::Role\n");
  REQUIRE(missing.all().size() == 1);
  CHECK(missing.all()[0].ruleId == "PRS016");
  CHECK(missing.all()[0].message.find("'AssumeRolePolicyDocument'") != std::string::npos);

  pm::ir::Diagnostics conditional = checkTypes(R"(Conditions:
  C: !Equals [a, b]
Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: !If [C, {}, !Ref AWS::NoValue]
)");
  CHECK(conditional.all().empty());
}

TEST_CASE("check types leaves SAM properties and types under other transforms alone") {
  pm::ir::Diagnostics diagnostics = checkTypes(R"(Transform: [AWS::Serverless-2016-10-31, Mine]
Resources:
  F:
    Type: AWS::Serverless::Function
    Properties:
      Whatever: 1
  M:
    Type: Mine::Made::Up
Outputs:
  A:
    Value: !GetAtt F.Arn
)");
  CHECK(diagnostics.all().empty());
}

TEST_CASE("PROTON_MIGRATE_DATA replaces the default places, as a directory or as the file itself") {
  ::setenv(pm::ir::kDataDirEnvironmentVariable, "/opt/pm-data", 1);
  CHECK(TypeTable::searchPaths().at(0) == "/opt/pm-data/cloudformation-types.tsv");
  ::setenv(pm::ir::kDataDirEnvironmentVariable, "/x/cloudformation-types.tsv", 1);
  CHECK(TypeTable::searchPaths() == std::vector<std::string>{"/x/cloudformation-types.tsv"});
  ::unsetenv(pm::ir::kDataDirEnvironmentVariable);
  // Next to the binary, then the source tree, then the configured share dir.
  auto defaults = TypeTable::searchPaths();
  REQUIRE(defaults.size() == 3);
  CHECK(defaults[0].ends_with("share/proton-migrate/cloudformation-types.tsv"));
}
