// Rules over the whole set of templates given together: OBS008 (account security services are
// provided somewhere) and MIG020 (environment outputs no service reads).
#include "ir/passes/lint/rule_families.h"

#include <array>
#include <set>

namespace pm::ir::lint {

namespace {

constexpr std::array<std::string_view, 3> kSecurityServices{
    "AWS::GuardDuty::Detector", "AWS::SecurityHub::Hub", "AWS::Config::ConfigurationRecorder"};

bool isInfrastructure(const Module& module) {
  return module.kind == ModuleKind::Environment || module.kind == ModuleKind::Template;
}

bool declaresSecurityService(const ModuleGraph& graph) {
  for (const Module& module : graph.modules())
    for (const Resource& resource : module.resources)
      for (std::string_view service : kSecurityServices)
        if (resource.type == service)
          return true;
  return false;
}

// OBS008, once for the set: at the first environment (or plain) template.
void checkSecurityServices(LintContext& context) {
  for (const Module& module : context.graph().modules()) {
    if (!isInfrastructure(module))
      continue;
    if (&module != &context.module() || declaresSecurityService(context.graph()))
      return;
    context.report("OBS008", Severity::Info, nullptr, module.location,
                   "no template given declares GuardDuty, Security Hub or an AWS Config "
                   "recorder: the landing zone must provide them");
    return;
  }
}

// The environment outputs the modules linked to `environment` read.
std::set<std::string> outputsRead(const ModuleGraph& graph, const Module& environment,
                                  bool& linked) {
  std::set<std::string> read;
  for (const Module& module : graph.modules()) {
    bool reads = false;
    for (const std::string& upstream : module.upstreamModules)
      reads = reads || upstream == environment.name;
    if (!reads)
      continue;
    linked = true;
    LintContext::forEachExpr(module, [&](const Expr& node) {
      if (node.kind() == ExprKind::UpstreamOutputRef)
        read.insert(node.upstreamOutput().output);
    });
  }
  return read;
}

void checkUnreadOutputs(LintContext& context) {
  const Module& environment = context.module();
  if (environment.kind != ModuleKind::Environment)
    return;
  bool linked = false;
  std::set<std::string> read = outputsRead(context.graph(), environment, linked);
  if (!linked)
    return; // no service given with it: nothing to compare with
  for (const Output& output : environment.outputs)
    if (!read.contains(output.name))
      context.report("MIG020", Severity::Info, nullptr, output.location,
                     "environment output '" + output.name +
                         "' is read by none of the service templates given with it");
}

} // namespace

void checkSystem(LintContext& context) {
  checkSecurityServices(context);
  checkUnreadOutputs(context);
}

} // namespace pm::ir::lint
