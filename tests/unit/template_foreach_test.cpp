// Fn::ForEach resource loops (AWS::LanguageExtensions): kept as written in the model, expanded
// for a literal list, written back by CDK and Service Catalog, expanded (or refused with a
// located error) by Terraform.
#include "conversion_test_support.h"

#include <doctest/doctest.h>

using namespace pm;

namespace {

constexpr const char* kLiteralLoop = R"(Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Topics:
    - Name
    - [A, B]
    - Topic${Name}:
        Type: AWS::SNS::Topic
        Properties:
          TopicName: !Sub orders-${Name}
          DisplayName: !Ref Name
)";

constexpr const char* kParameterLoop = R"(Transform: AWS::LanguageExtensions
Parameters:
  Names:
    Type: CommaDelimitedList
Resources:
  Fn::ForEach::Topics:
    - Name
    - !Ref Names
    - Topic${Name}:
        Type: AWS::SNS::Topic
)";

} // namespace

TEST_CASE("foreach: a resource loop is kept as written and expanded for a literal list") {
  test::ReadResult read = test::readTemplate(kLiteralLoop);
  REQUIRE(read.module);
  CHECK_FALSE(read.diagnostics.hasErrors());
  CHECK(read.module->resources.empty());
  REQUIRE(read.module->resourceLoops.size() == 1);
  const ir::ResourceLoopFragment& loop = read.module->resourceLoops[0];
  CHECK(loop.written.key == "Fn::ForEach::Topics");
  CHECK(loop.written.keyLocation.line == 3);
  REQUIRE(loop.expansion);
  REQUIRE(loop.expansion->size() == 2);
  const ir::Resource& second = (*loop.expansion)[1];
  CHECK(second.logicalId == "TopicB");
  CHECK(second.type == "AWS::SNS::Topic");
  CHECK(second.properties->find("DisplayName")->value->text() == "B");
  const ir::SubTemplate& name = second.properties->find("TopicName")->value->sub();
  CHECK(name.source == "orders-B");
}

TEST_CASE("foreach: a loop over a parameter is kept without an expansion") {
  test::ReadResult read = test::readTemplate(kParameterLoop);
  REQUIRE(read.module);
  CHECK_FALSE(read.diagnostics.hasErrors());
  REQUIRE(read.module->resourceLoops.size() == 1);
  CHECK_FALSE(read.module->resourceLoops[0].expansion);
}

TEST_CASE("foreach: without the transform, or malformed, a loop is a located PRS008 error") {
  test::ReadResult noTransform =
      test::readTemplate("Resources:\n  Fn::ForEach::T:\n    - N\n    - [A]\n    - X${N}:\n"
                         "        Type: AWS::SNS::Topic\n");
  REQUIRE(noTransform.diagnostics.hasErrors());
  CHECK(noTransform.diagnostics.all()[0].ruleId == "PRS008");
  CHECK(noTransform.diagnostics.all()[0].message.find("AWS::LanguageExtensions") !=
        std::string::npos);

  test::ReadResult malformed = test::readTemplate(
      "Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::T: [N, [A]]\n");
  REQUIRE(malformed.diagnostics.hasErrors());
  CHECK(malformed.diagnostics.all()[0].ruleId == "PRS008");
  CHECK(malformed.diagnostics.all()[0].location.line == 3);
}

TEST_CASE("foreach: cdk adds the loop to the synthesized Resources, keeping the transform") {
  test::Converted result = test::convertTemplate("cdk", kLiteralLoop);
  CHECK_FALSE(result.diagnostics.hasErrors());
  std::string text = result.allFiles();
  CHECK(test::contains(text, "this.addTransform('AWS::LanguageExtensions');"));
  CHECK(test::contains(text, "this.resourceLoops['Fn::ForEach::Topics'] = [\n      'Name',\n"));
  CHECK(test::contains(text, "DisplayName: cdk.Fn.ref('Name')"));
  CHECK(test::contains(text, "template.Resources[name] = this.resolve(loop);"));
}

TEST_CASE("foreach: service catalog passes the loop through unchanged") {
  test::Converted result = test::convertTemplate("servicecatalog", kParameterLoop);
  CHECK_FALSE(result.diagnostics.hasErrors());
  std::string text = result.allFiles();
  CHECK(test::contains(text, "Transform: AWS::LanguageExtensions"));
  CHECK(test::contains(text, "  Fn::ForEach::Topics:\n    - Name\n    - !Ref Names\n"));
}

TEST_CASE("foreach: terraform writes the expansion of a literal list") {
  test::Converted result = test::convertTemplate("terraform", kLiteralLoop);
  CHECK_FALSE(result.diagnostics.hasErrors());
  std::string text = result.allFiles();
  CHECK(test::contains(text, "\"topic_a\""));
  CHECK(test::contains(text, "\"topic_b\""));
  CHECK(test::contains(text, "orders-B"));
}

TEST_CASE("foreach: terraform refuses a loop over a parameter at its key") {
  test::Converted result = test::convertTemplate("terraform", kParameterLoop);
  const ir::Diagnostic* error = result.find("TF001");
  REQUIRE(error);
  CHECK(error->severity == ir::Severity::Error);
  CHECK(error->location.line == 6);
  CHECK(test::contains(error->message, "Fn::ForEach::Topics"));
}

TEST_CASE("foreach: a reference to a resource a loop declares resolves, or warns when unknown") {
  std::string output = "Outputs:\n  A:\n    Value: !Ref TopicA\n";
  test::Converted literal = test::convertTemplate("cdk", std::string(kLiteralLoop) + output);
  CHECK_FALSE(literal.find("PRS012"));
  CHECK(test::contains(literal.allFiles(), "value: cdk.Fn.ref('TopicA'),"));

  test::Converted parameter = test::convertTemplate("cdk", std::string(kParameterLoop) + output);
  const ir::Diagnostic* warning = parameter.find("PRS012");
  REQUIRE(warning);
  CHECK(warning->severity == ir::Severity::Warning);
  CHECK_FALSE(parameter.diagnostics.hasErrors());
}
