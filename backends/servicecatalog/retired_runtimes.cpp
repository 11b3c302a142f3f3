// The table and the Metadata edit.
#include "backends/servicecatalog/retired_runtimes.h"

#include "backends/servicecatalog/lint_suppressions.h"

namespace pm::backends::sc {

namespace {

using ir::Expr;
using ir::ExprKind;
using ir::ExprPtr;

constexpr std::string_view kLintCheck = "E2533";
// Inline code with a runtime other than Node.js or Python: the same function cannot be created
// again after the upgrade unless its code moves out of the template.
constexpr const char* kInlineCodeCheck = "E3677";

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
  return ir::lambdaRuntime(runtime);
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
