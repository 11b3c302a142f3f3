// The table.
#include "ir/lambda_runtimes.h"

#include <array>

namespace pm::ir {

namespace {

// clang-format off
constexpr std::array<LambdaRuntime, 33> kLambdaRuntimes{{
    {"dotnet6", "2024-12-20", "2026-06-01"},
    {"dotnetcore1.0", "2019-06-27", "2019-06-30"},
    {"dotnetcore2.0", "2019-05-30", "2019-04-30"},
    {"dotnetcore2.1", "2022-01-05", "2022-01-05"},
    {"dotnetcore3.1", "2023-04-03", "2023-04-03"},
    {"go1.x", "2024-01-08", "2024-02-08"},
    {"java11", "2026-06-30", "2026-07-31"},
    {"java17", "2026-06-30", "2026-07-31"},
    {"java8", "2024-01-08", "2024-02-08"},
    {"java8.al2", "2026-06-30", "2026-07-31"},
    {"nodejs", "2016-08-30", "2016-09-30"},
    {"nodejs10.x", "2021-07-30", "2021-07-30"},
    {"nodejs12.x", "2023-03-31", "2023-03-31"},
    {"nodejs14.x", "2023-12-04", "2024-01-09"},
    {"nodejs16.x", "2024-06-12", "2026-06-01"},
    {"nodejs18.x", "2025-09-01", "2026-06-01"},
    {"nodejs20.x", "2026-04-30", "2026-06-01"},
    {"nodejs4.3", "2020-03-05", "2020-02-03"},
    {"nodejs4.3-edge", "2020-03-05", "2019-03-31"},
    {"nodejs6.10", "2019-08-12", "2019-07-12"},
    {"nodejs8.10", "2020-03-06", "2020-02-04"},
    {"provided", "2024-01-08", "2024-02-08"},
    {"provided.al2", "2026-06-30", "2026-07-31"},
    {"python2.7", "2021-07-15", "2021-07-15"},
    {"python3.10", "2026-06-30", "2026-07-31"},
    {"python3.11", "2026-06-30", "2026-07-31"},
    {"python3.6", "2022-07-18", "2022-07-18"},
    {"python3.7", "2023-12-04", "2024-01-09"},
    {"python3.8", "2024-10-14", "2026-06-01"},
    {"python3.9", "2025-12-15", "2026-06-01"},
    {"ruby2.5", "2021-07-30", "2021-07-30"},
    {"ruby2.7", "2023-12-07", "2024-01-09"},
    {"ruby3.2", "2026-03-31", "2026-06-01"},
}};
// clang-format on

} // namespace

std::optional<LambdaRuntime> lambdaRuntime(std::string_view runtime) {
  for (const LambdaRuntime& entry : kLambdaRuntimes)
    if (entry.name == runtime)
      return entry;
  return std::nullopt;
}

} // namespace pm::ir
