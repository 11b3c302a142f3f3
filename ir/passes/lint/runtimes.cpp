// MIG012 (deprecated or blocked Lambda runtimes, over the value domain) and MIG013 (deprecated
// CodeBuild curated images).
#include "ir/lambda_runtimes.h"
#include "ir/passes/lint/rule_families.h"
#include "ir/passes/lint/value_domain.h"

#include <array>

namespace pm::ir::lint {

namespace {

// kLambdaRuntimeTableDate plus 180 days: a deprecation before it is "soon" (info).
constexpr std::string_view kSoonDate = "2027-04-30";

struct ImageStatus {
  std::string_view image; // a prefix of Environment.Image
  Severity severity;
  std::string_view why;
};

// From the CodeBuild "Deprecated images" page, plus the OS end of life of the images still
// listed (lint-rules.md MIG013). The first matching prefix wins.
// clang-format off
constexpr std::array<ImageStatus, 10> kCodeBuildImages{{
    {"aws/codebuild/standard:1.0", Severity::Warning, "deprecated by CodeBuild"},
    {"aws/codebuild/standard:2.0", Severity::Warning, "deprecated by CodeBuild"},
    {"aws/codebuild/standard:3.0", Severity::Warning, "deprecated by CodeBuild"},
    {"aws/codebuild/standard:4.0", Severity::Warning, "deprecated by CodeBuild"},
    {"aws/codebuild/standard:5.0", Severity::Info, "built on Ubuntu 20.04, past its standard support"},
    {"aws/codebuild/amazonlinux2-x86_64-standard:1.0", Severity::Warning, "deprecated by CodeBuild"},
    {"aws/codebuild/amazonlinux2-x86_64-standard:2.0", Severity::Warning, "deprecated by CodeBuild"},
    {"aws/codebuild/amazonlinux2-x86_64-standard:3.0", Severity::Warning, "deprecated by CodeBuild"},
    {"aws/codebuild/amazonlinux2-aarch64-standard:1.0", Severity::Warning, "deprecated by CodeBuild"},
    {"aws/codebuild/ubuntu-base:14.04", Severity::Warning, "deprecated by CodeBuild (Ubuntu 14.04)"},
}};
// clang-format on

struct Verdict {
  Severity severity = Severity::Note;
  std::string why;
};

Verdict runtimeVerdict(const Expr& value) {
  auto runtime = lambdaRuntime(scalarText(value).value_or(""));
  if (!runtime)
    return {};
  std::string name(runtime->name);
  if (runtime->creationBlock <= kLambdaRuntimeTableDate)
    return {Severity::Error, name + ": Lambda refuses new functions on it since " +
                                 std::string(runtime->creationBlock)};
  if (runtime->deprecated <= kLambdaRuntimeTableDate)
    return {Severity::Warning, name + ": deprecated since " + std::string(runtime->deprecated)};
  if (runtime->deprecated <= kSoonDate)
    return {Severity::Info, name + ": deprecated on " + std::string(runtime->deprecated)};
  return {};
}

Verdict imageVerdict(const Expr& value) {
  std::string image = scalarText(value).value_or("");
  for (const ImageStatus& status : kCodeBuildImages)
    if (image.starts_with(status.image))
      return {status.severity, image + ": " + std::string(status.why)};
  return {};
}

// Reports the most severe verdict over the value's domain.
void checkDomain(LintContext& context, std::string_view rule, const Resource& resource,
                 const ExprPtr& value, Verdict (*judge)(const Expr&), const std::string& what) {
  if (!value)
    return;
  std::optional<PossibleValue> worst;
  Verdict worstVerdict;
  for (const PossibleValue& possible : valueDomain(value, context).values) {
    Verdict verdict = judge(*possible.value);
    if (verdict.severity == Severity::Note)
      continue;
    verdict.severity = severityFor(verdict.severity, possible);
    if (!worst || verdict.severity > worstVerdict.severity) {
      worst = possible;
      worstVerdict = verdict;
    }
  }
  if (worst && worstVerdict.severity != Severity::Note)
    context.report(rule, worstVerdict.severity, &resource, value->location(),
                   what + " '" + resource.logicalId + "' uses " + worstVerdict.why +
                       provenance(*worst));
}

ExprPtr globalRuntime(const Module& module) {
  for (const MapEntry& section : module.otherSections)
    if (section.key == "Globals")
      return member(section.value, "Function.Runtime");
  return nullptr;
}

} // namespace

void checkRuntimes(LintContext& context) {
  ExprPtr global = globalRuntime(context.module());
  for (const Resource& resource : context.module().resources) {
    if (resource.type == "AWS::Lambda::Function" || resource.type == "AWS::Serverless::Function") {
      ExprPtr runtime = property(resource, "Runtime");
      if (!runtime && resource.type == "AWS::Serverless::Function")
        runtime = global;
      checkDomain(context, "MIG012", resource, runtime, runtimeVerdict, "function");
    } else if (resource.type == "AWS::CodeBuild::Project") {
      checkDomain(context, "MIG013", resource, property(resource, "Environment.Image"),
                  imageVerdict, "build project");
    }
  }
}

} // namespace pm::ir::lint
