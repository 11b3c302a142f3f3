// The table and the Metadata edit.
#include "backends/servicecatalog/retired_runtimes.h"

#include "backends/servicecatalog/lint_suppressions.h"

#include <array>

namespace pm::backends::sc {

namespace {

using ir::Expr;
using ir::ExprKind;
using ir::ExprPtr;

constexpr std::string_view kLintCheck = "E2533";
// Inline code with a runtime other than Node.js or Python: the same function cannot be created
// again after the upgrade unless its code moves out of the template.
constexpr const char* kInlineCodeCheck = "E3677";

// clang-format off
constexpr std::array<RetiredRuntime, 33> kRetiredRuntimes{{
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

bool isFunction(const ir::Resource& resource) {
  return resource.type == "AWS::Lambda::Function" || resource.type == "AWS::Serverless::Function";
}

// The Runtime a function sets, or for a SAM function the one the Globals section gives it.
const ir::MapEntry* runtimeOf(const ir::Resource& resource, const ir::MapEntry* globalRuntime) {
  const ir::MapEntry* own = resource.properties && resource.properties->kind() == ExprKind::Map
                                ? resource.properties->find("Runtime")
                                : nullptr;
  if (own || resource.type != "AWS::Serverless::Function")
    return own;
  return globalRuntime;
}

bool inlineCodeRefused(const ir::Resource& resource, std::string_view runtime) {
  if (runtime.starts_with("nodejs") || runtime.starts_with("python") || !resource.properties ||
      resource.properties->kind() != ExprKind::Map)
    return false;
  if (resource.properties->find("InlineCode")) // SAM's spelling of Code.ZipFile
    return true;
  const ir::MapEntry* code = resource.properties->find("Code");
  return code && code->value && code->value->kind() == ExprKind::Map &&
         code->value->find("ZipFile");
}

const ir::MapEntry* globalRuntime(const ir::Module& module) {
  for (const ir::MapEntry& section : module.otherSections) {
    if (section.key != "Globals" || !section.value || section.value->kind() != ExprKind::Map)
      continue;
    const ir::MapEntry* function = section.value->find("Function");
    if (function && function->value && function->value->kind() == ExprKind::Map)
      return function->value->find("Runtime");
  }
  return nullptr;
}

} // namespace

std::optional<RetiredRuntime> retiredRuntime(std::string_view runtime) {
  for (const RetiredRuntime& retired : kRetiredRuntimes)
    if (retired.name == runtime)
      return retired;
  return std::nullopt;
}

void flagRetiredRuntimes(ir::Module& module, ir::Diagnostics& diagnostics) {
  const ir::MapEntry* global = globalRuntime(module);
  for (ir::Resource& resource : module.resources) {
    if (!isFunction(resource))
      continue;
    const ir::MapEntry* runtime = runtimeOf(resource, global);
    if (!runtime || !runtime->value || runtime->value->kind() != ExprKind::String)
      continue;
    auto retired = retiredRuntime(runtime->value->text());
    if (!retired)
      continue;
    diagnostics.warning(
        kRetiredRuntimeRule, runtime->value->location(),
        "function '" + resource.logicalId + "' runs on " + std::string(retired->name) +
            ", deprecated on " + std::string(retired->deprecated) +
            "; Lambda refuses new functions on it since " + std::string(retired->creationBlock) +
            ", so the product cannot be launched until the runtime is "
            "upgraded (kept for adoption; cfn-lint " +
            std::string(kLintCheck) + " is suppressed in its Metadata)");
    resource.metadata = withLintCheckIgnored(resource.metadata, kLintCheck);
    if (inlineCodeRefused(resource, retired->name)) {
      diagnostics.warning(kRetiredRuntimeRule, runtime->value->location(),
                          "function '" + resource.logicalId +
                              "' has inline code (ZipFile), "
                              "which Lambda takes only for Node.js and Python runtimes, not " +
                              std::string(retired->name) + "; kept with the runtime (cfn-lint " +
                              kInlineCodeCheck + " is suppressed in its Metadata)");
      resource.metadata = withLintCheckIgnored(resource.metadata, kInlineCodeCheck);
    }
  }
}

} // namespace pm::backends::sc
