// An unknown property is a warning, never an abort: the cdk target sets it through
// addPropertyOverride, Service Catalog keeps it, Terraform names it in a located error when
// its mapping has nowhere to put it.
#include "conversion_test_support.h"

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

} // namespace

TEST_CASE("cdk unknown property: a PRS016 warning, set through addPropertyOverride") {
  test::Converted result = test::convertTemplate("cdk", kUnknownProperty);
  const ir::Diagnostic* warning = result.find("PRS016");
  REQUIRE(warning);
  CHECK(warning->severity == ir::Severity::Warning);
  CHECK(warning->location.line == 6);
  CHECK_FALSE(result.diagnostics.hasErrors());
  CHECK(result.allFiles().find(".addPropertyOverride('NotARealProperty', 1);") !=
        std::string::npos);
}

TEST_CASE("cdk unknown property: Service Catalog keeps it") {
  test::Converted result = test::convertTemplate("servicecatalog", kUnknownProperty);
  CHECK_FALSE(result.diagnostics.hasErrors());
  CHECK(result.allFiles().find("NotARealProperty: 1") != std::string::npos);
}

TEST_CASE("cdk unknown property: Terraform names it in a located error") {
  test::Converted result = test::convertTemplate("terraform", kUnknownProperty);
  const ir::Diagnostic* error = result.find("TF001");
  REQUIRE(error);
  CHECK(error->severity == ir::Severity::Error);
  CHECK(error->location.line == 6);
  CHECK(error->message.find("'NotARealProperty'") != std::string::npos);
}
