// REL002 (stateful resources keep their data when removed or replaced) and MIG009 (identities
// that change in the conversion).
#include "ir/passes/lint/rule_families.h"
#include "ir/passes/lint/stateful_types.h"
#include "ir/passes/lint/value_domain.h"

namespace pm::ir::lint {

namespace {

bool keepsData(const Expr& policy) {
  auto text = scalarText(policy);
  return text && (*text == "Retain" || *text == "Snapshot" || *text == "RetainExceptOnCreate");
}

void checkPolicy(LintContext& context, const Resource& resource, const ExprPtr& policy,
                 std::string_view attribute) {
  std::string subject = resource.type + " '" + resource.logicalId + "'";
  if (!policy) {
    context.report("REL002", Severity::Warning, &resource, resource.location,
                   subject + " holds data but has no " + std::string(attribute) +
                       ": removing it from the template (or detaching the Proton stack) deletes "
                       "it; set Retain or Snapshot");
    return;
  }
  auto found = findViolation(valueDomain(policy, context),
                             [](const Expr& value) { return !keepsData(value); });
  if (found)
    context.report("REL002", severityFor(Severity::Warning, *found), &resource, policy->location(),
                   subject + " has " + std::string(attribute) + " " +
                       scalarText(found->value).value_or("?") + provenance(*found) +
                       ": its data is deleted with it; set Retain or Snapshot");
}

void checkIdentity(LintContext& context, const Resource& resource) {
  Severity severity = isStatefulType(resource.type) ? Severity::Error : Severity::Warning;
  std::string subject = resource.type + " '" + resource.logicalId + "'";
  if (resource.loop)
    context.report("MIG009", severity, &resource, resource.location,
                   subject + " is repeated by a Jinja loop: its logical IDs shift when elements "
                             "are added, removed or reordered");
  else if (resource.type.starts_with("AWS::Serverless::") &&
           context.options().target == "terraform")
    context.report("MIG009", Severity::Warning, &resource, resource.location,
                   subject + " is expanded into the resources the SAM transform makes: their "
                             "addresses are new, so adopting them needs import blocks");
}

} // namespace

void checkLifecycle(LintContext& context) {
  for (const Resource& resource : context.module().resources) {
    if (isStatefulType(resource.type)) {
      checkPolicy(context, resource, resource.deletionPolicy, "DeletionPolicy");
      checkPolicy(context, resource, resource.updateReplacePolicy, "UpdateReplacePolicy");
    }
    checkIdentity(context, resource);
  }
  for (const ResourceLoopFragment& loop : context.module().resourceLoops)
    context.report("MIG009", Severity::Warning, nullptr, loop.written.keyLocation,
                   "resources made by " + loop.written.key +
                       ": their logical IDs follow the collection's values");
}

} // namespace pm::ir::lint
