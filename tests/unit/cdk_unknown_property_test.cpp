// An unknown property is a warning, never an abort: the cdk target sets it through
// addPropertyOverride, Service Catalog keeps it, Terraform names it in a located error when
// its mapping has nowhere to put it.
#include "backends/backend.h"
#include "cloudformation_test_support.h"
#include "ir/pass_pipeline.h"

#include <doctest/doctest.h>

using namespace pm;

namespace {

constexpr const char* kUnknownProperty = R"(Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: q
      NotARealProperty: 1
)";

struct Converted {
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

Converted convertTo(const std::string& target) {
  Converted result;
  auto module = frontend::readCloudFormation("t.yaml", kUnknownProperty, result.diagnostics);
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

} // namespace

TEST_CASE("cdk unknown property: a PRS016 warning, set through addPropertyOverride") {
  Converted result = convertTo("cdk");
  const ir::Diagnostic* warning = result.find("PRS016");
  REQUIRE(warning);
  CHECK(warning->severity == ir::Severity::Warning);
  CHECK(warning->location.line == 6);
  CHECK_FALSE(result.diagnostics.hasErrors());
  CHECK(result.allFiles().find(".addPropertyOverride('NotARealProperty', 1);") !=
        std::string::npos);
}

TEST_CASE("cdk unknown property: Service Catalog keeps it") {
  Converted result = convertTo("servicecatalog");
  CHECK_FALSE(result.diagnostics.hasErrors());
  CHECK(result.allFiles().find("NotARealProperty: 1") != std::string::npos);
}

TEST_CASE("cdk unknown property: Terraform names it in a located error") {
  Converted result = convertTo("terraform");
  const ir::Diagnostic* error = result.find("TF001");
  REQUIRE(error);
  CHECK(error->severity == ir::Severity::Error);
  CHECK(error->location.line == 6);
  CHECK(error->message.find("'NotARealProperty'") != std::string::npos);
}
