// Reporting unresolved references, with a "did you mean" hint and the SAM exception.
#include "ir/passes/resolve_references.h"

#include "ir/edit_distance.h"
#include "ir/reporting_jobs.h"

#include "ir/reference.h"

#include <algorithm>
#include <fmt/format.h>
#include <string_view>

namespace pm::ir {

namespace {

// The names a reference of this kind could have meant, in source order.
std::vector<std::string> candidateNames(const Module& module, const Reference& reference) {
  std::vector<std::string> names;
  if (reference.kind == ReferenceKind::Condition) {
    for (const Condition& condition : module.conditions)
      names.push_back(condition.name);
    return names;
  }
  bool resourcesOnly = reference.kind == ReferenceKind::GetAtt ||
                       reference.kind == ReferenceKind::DependsOn || !reference.attribute.empty();
  if (!resourcesOnly)
    for (const Input& input : module.inputs)
      names.push_back(input.name);
  for (const Resource& resource : module.resources)
    names.push_back(resource.logicalId);
  return names;
}

std::string suggestion(const Module& module, const Reference& reference) {
  std::string best;
  std::size_t bestDistance = 3; // suggest only close names: a typo, not a different name
  for (const std::string& name : candidateNames(module, reference)) {
    std::size_t distance = editDistanceBelow(name, reference.to, bestDistance);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = name;
    }
  }
  return best.empty() ? std::string() : fmt::format("; did you mean '{}'?", best);
}

std::string problem(const Module& module, const Reference& reference) {
  const std::string& name = reference.to;
  switch (reference.kind) {
  case ReferenceKind::Ref:
    return fmt::format("Ref to '{}', which is not a parameter, resource or pseudo parameter of "
                       "this template",
                       name);
  case ReferenceKind::GetAtt:
    if (module.findInput(name))
      return fmt::format("Fn::GetAtt on '{}', which is a parameter; Fn::GetAtt needs a resource",
                         name);
    return fmt::format("Fn::GetAtt on '{}', which is not a resource of this template", name);
  case ReferenceKind::Sub:
    if (!reference.attribute.empty())
      return fmt::format("'${{{}.{}}}' in Fn::Sub names '{}', which is not a resource of this "
                         "template",
                         name, reference.attribute, name);
    return fmt::format("'${{{}}}' in Fn::Sub is not a parameter, resource, pseudo parameter or "
                       "variable of the Fn::Sub",
                       name);
  case ReferenceKind::DependsOn:
    return fmt::format("DependsOn names '{}', which is not a resource of this template", name);
  case ReferenceKind::Condition:
    return fmt::format("condition '{}' is not declared in the Conditions section", name);
  }
  return {};
}

// The SAM transform (AWS::Serverless-2016-10-31) expands each AWS::Serverless::* resource into
// several CloudFormation resources named after it (MyFunction -> MyFunctionRole,
// MyFunctionVersion, MyFunctionAliaslive, MyFunctionMyEventPermission) and adds API resources
// named ServerlessRestApi/ServerlessHttpApi(+Stage names). Templates legitimately Ref and GetAtt
// those generated names, which exist only after the transform ran, so a name that looks
// generated is a warning: we cannot prove it wrong without reimplementing SAM.
bool mayBeServerlessGenerated(const Module& module, const Reference& reference) {
  if (!module.hasTransform(kServerlessTransform) || reference.kind == ReferenceKind::Condition)
    return false;
  if (reference.to.starts_with("Serverless"))
    return true;
  return std::any_of(module.resources.begin(), module.resources.end(), [&](const Resource& r) {
    return r.type.starts_with("AWS::Serverless::") && reference.to.starts_with(r.logicalId) &&
           reference.to != r.logicalId;
  });
}

// A template's Fn::ForEach loops declare resources only CloudFormation's expansion names: a
// literal list's names are known, another loop's are not (so a reference is only a warning).
enum class LoopDeclares { No, Yes, Maybe };

LoopDeclares loopDeclares(const Module& module, const std::string& name) {
  LoopDeclares found = LoopDeclares::No;
  for (const ResourceLoopFragment& loop : module.resourceLoops) {
    if (!loop.expansion) {
      found = LoopDeclares::Maybe;
      continue;
    }
    for (const Resource& resource : *loop.expansion)
      if (resource.logicalId == name)
        return LoopDeclares::Yes;
  }
  return found;
}

void reportUnresolved(const Module& module, const Reference& reference, Diagnostics& diagnostics) {
  std::string message = problem(module, reference);
  LoopDeclares loop = loopDeclares(module, reference.to);
  if (loop == LoopDeclares::Yes)
    return;
  if (loop == LoopDeclares::Maybe) {
    diagnostics.warning(kUnresolvedReferenceRule, reference.location,
                        message + " (it may be a resource of a Fn::ForEach loop)");
    return;
  }
  if (mayBeServerlessGenerated(module, reference)) {
    diagnostics.warning(kUnresolvedReferenceRule, reference.location,
                        message + " (it may be a resource generated by the " +
                            std::string(kServerlessTransform) + " transform)");
    return;
  }
  diagnostics.error(kUnresolvedReferenceRule, reference.location,
                    message + suggestion(module, reference));
}

} // namespace

void runResolveReferences(Module& module, Diagnostics& diagnostics) {
  for (const Reference& reference : collectReferences(module))
    if (!reference.resolved())
      reportUnresolved(module, reference, diagnostics);
}

void runResolveReferences(ModuleGraph& graph, Diagnostics& diagnostics, unsigned threads) {
  forEachModule(graph, diagnostics, threads,
                [](Module& module, Diagnostics& found) { runResolveReferences(module, found); });
}

} // namespace pm::ir
