// The Lambda runtime lifecycle: deprecation and function-creation-block dates, shared by the lint
// rule MIG012 and the Service Catalog backend (SC001).
#pragma once

#include <optional>
#include <string_view>

namespace pm::ir {

// From the Lambda runtime deprecation policy
// (docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html), as of 2026-11: the runtimes
// whose function creation is blocked. Dates are ISO (YYYY-MM-DD), so they compare as text.
struct LambdaRuntime {
  std::string_view name;
  std::string_view deprecated;    // end of support
  std::string_view creationBlock; // no new function from this day on
};

// The date the table was last checked against the AWS page: "today" for the lint rules, so a
// run's findings do not depend on the clock.
inline constexpr std::string_view kLambdaRuntimeTableDate = "2026-11-01";

// nullptr-like empty optional for a runtime that is not deprecated (or unknown).
std::optional<LambdaRuntime> lambdaRuntime(std::string_view runtime);

} // namespace pm::ir
