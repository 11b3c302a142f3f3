// JSON templates are read into the same model, with a location on every value.
#include "cloudformation_test_support.h"

#include <doctest/doctest.h>

using namespace pm;

TEST_CASE("A JSON template is read with intrinsics and locations") {
  auto result = test::readTemplate(R"({
  "Parameters": {"Env": {"Type": "String", "Default": "dev"}},
  "Resources": {
    "Bucket": {
      "Type": "AWS::S3::Bucket",
      "Properties": {
        "BucketName": {"Fn::Sub": "app-${Env}"},
        "Count": 1.10,
        "Arn": {"Fn::GetAtt": ["Other", "Arn"]}
      }
    }
  }
})",
                                   "t.json");
  REQUIRE(result.module);
  CHECK(result.diagnostics.all().empty());
  const ir::Module& module = *result.module;
  CHECK(module.inputs.at(0).location == ir::SourceLocation{"t.json", 2, 18});
  CHECK(module.inputs.at(0).defaultValue->text() == "dev");
  const ir::Resource& bucket = module.resources.at(0);
  CHECK(bucket.location == ir::SourceLocation{"t.json", 4, 5});
  CHECK(bucket.typeLocation == ir::SourceLocation{"t.json", 5, 15});
  ir::ExprPtr name = test::firstProperty(module, "BucketName");
  CHECK(name->kind() == ir::ExprKind::Sub);
  CHECK(name->location() == ir::SourceLocation{"t.json", 7, 23});
  CHECK(name->sub().parts.at(1).location == ir::SourceLocation{"t.json", 7, 40});
  ir::ExprPtr count = test::firstProperty(module, "Count");
  CHECK(count->number().text == "1.10");
  CHECK(count->location() == ir::SourceLocation{"t.json", 8, 18});
  CHECK(test::firstProperty(module, "Arn")->getAtt().listForm);
}

TEST_CASE("A JSON syntax error is reported at its line and column") {
  auto result = test::readTemplate("{\n  \"Resources\": {\n    \"A\": [1,\n  }\n}", "t.json");
  CHECK_FALSE(result.module);
  REQUIRE(result.diagnostics.all().size() == 1);
  const ir::Diagnostic& error = result.diagnostics.all()[0];
  CHECK(error.ruleId == "PRS001");
  CHECK(error.location == ir::SourceLocation{"t.json", 4, 3});
}

TEST_CASE("Deeply nested JSON is refused with a diagnostic instead of a crash") {
  std::string text = "{\"Resources\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
  auto result = test::readTemplate(text, "t.json");
  CHECK_FALSE(result.module);
  CHECK(result.diagnostics.hasErrors());
}

TEST_CASE("A duplicate key in JSON is an error") {
  auto result = test::readTemplate(
      R"({"Resources": {"A": {"Type": "AWS::S3::Bucket", "Type": "AWS::SQS::Queue"}}})", "t.json");
  REQUIRE(result.module);
  REQUIRE(result.diagnostics.errorCount() == 1);
  CHECK(result.diagnostics.all()[0].location == ir::SourceLocation{"t.json", 1, 49});
  CHECK(result.module->resources.at(0).type == "AWS::S3::Bucket");
}
