// Fn::ForEach resource loops (AWS::LanguageExtensions): kept as written in the model, expanded
// for a literal list, written back by CDK and Service Catalog, expanded (or refused with a
// located error) by Terraform.
#include "backends/backend.h"
#include "cloudformation_test_support.h"
#include "ir/pass_pipeline.h"

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

struct Emitted {
  ir::Diagnostics diagnostics;
  backends::OutputTree tree;

  std::string allFiles() const {
    std::string text;
    for (const auto& [path, content] : tree.files())
      text += content;
    return text;
  }
  const ir::Diagnostic* find(const std::string& rule) const {
    for (const ir::Diagnostic& diagnostic : diagnostics.all())
      if (diagnostic.ruleId == rule)
        return &diagnostic;
    return nullptr;
  }
};

Emitted emitTo(const std::string& target, const std::string& text) {
  Emitted result;
  auto module = frontend::readCloudFormation("t.yaml", text, result.diagnostics);
  REQUIRE(module);
  module->name = "env";
  backends::ConversionModel model;
  model.bundleName = "bundle";
  model.mode = backends::ConversionMode::Rendered;
  model.modules.add(std::move(*module));
  ir::runPasses(model.modules, result.diagnostics, model.passes);
  backends::makeBackend(target)->emit(model, result.tree, result.diagnostics);
  return result;
}

bool contains(const std::string& text, const std::string& part) {
  bool found = text.find(part) != std::string::npos;
  if (!found)
    MESSAGE("not found: " << part << "\nin:\n" << text);
  return found;
}

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
  Emitted result = emitTo("cdk", kLiteralLoop);
  CHECK_FALSE(result.diagnostics.hasErrors());
  std::string text = result.allFiles();
  CHECK(contains(text, "this.addTransform('AWS::LanguageExtensions');"));
  CHECK(contains(text, "this.resourceLoops['Fn::ForEach::Topics'] = [\n      'Name',\n"));
  CHECK(contains(text, "DisplayName: cdk.Fn.ref('Name')"));
  CHECK(contains(text, "template.Resources[name] = this.resolve(loop);"));
}

TEST_CASE("foreach: service catalog passes the loop through unchanged") {
  Emitted result = emitTo("servicecatalog", kParameterLoop);
  CHECK_FALSE(result.diagnostics.hasErrors());
  std::string text = result.allFiles();
  CHECK(contains(text, "Transform: AWS::LanguageExtensions"));
  CHECK(contains(text, "  Fn::ForEach::Topics:\n    - Name\n    - !Ref Names\n"));
}

TEST_CASE("foreach: terraform writes the expansion of a literal list") {
  Emitted result = emitTo("terraform", kLiteralLoop);
  CHECK_FALSE(result.diagnostics.hasErrors());
  std::string text = result.allFiles();
  CHECK(contains(text, "\"topic_a\""));
  CHECK(contains(text, "\"topic_b\""));
  CHECK(contains(text, "orders-B"));
}

TEST_CASE("foreach: terraform refuses a loop over a parameter at its key") {
  Emitted result = emitTo("terraform", kParameterLoop);
  const ir::Diagnostic* error = result.find("TF001");
  REQUIRE(error);
  CHECK(error->severity == ir::Severity::Error);
  CHECK(error->location.line == 6);
  CHECK(contains(error->message, "Fn::ForEach::Topics"));
}
