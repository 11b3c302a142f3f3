// Matching stack dumps with deployments.
#include "tools/proton-migrate/stack_dumps.h"

#include "frontend/cloudformation/retain_policies.h"
#include "frontend/render.h"

namespace pm::driver {

namespace {

constexpr const char* kBadDump = "PRS010";

bool endsWithName(const std::string& arn, const std::string& name) {
  return !name.empty() && arn.size() > name.size() && arn.ends_with("/" + name);
}

// Proton tags every stack with the ARN of what it deploys.
bool tagsMatch(const frontend::StackDump& dump, const ir::Module& module,
               const backends::Deployment& deployment) {
  auto tag = [&](const char* key) { return frontend::stackTag(dump, key); };
  switch (module.kind) {
  case ir::ModuleKind::Environment:
    return tag("aws:proton:service").empty() && tag("aws:proton:component").empty() &&
           endsWithName(tag("aws:proton:environment"), deployment.name);
  case ir::ModuleKind::ServiceInstance:
    return endsWithName(tag("aws:proton:service-instance"), deployment.name);
  case ir::ModuleKind::Pipeline:
    return !tag("aws:proton:service").empty() && tag("aws:proton:service-instance").empty();
  case ir::ModuleKind::Component:
    return endsWithName(tag("aws:proton:component"), deployment.name);
  case ir::ModuleKind::Template:
    return false;
  }
  return false;
}

frontend::PartRole roleOf(ir::ModuleKind kind) {
  switch (kind) {
  case ir::ModuleKind::ServiceInstance:
    return frontend::PartRole::Instance;
  case ir::ModuleKind::Pipeline:
    return frontend::PartRole::Pipeline;
  case ir::ModuleKind::Component:
    return frontend::PartRole::Component;
  default:
    return frontend::PartRole::Infrastructure;
  }
}

// The deployed template, else the part rendered with the deployment's inputs.
std::string retainTemplate(const frontend::StackDump& dump, const ir::Module& module,
                           const backends::Deployment& deployment, const frontend::Bundle& bundle,
                           const TemplateInputs& inputs, ir::Diagnostics& diagnostics) {
  std::string source = dump.path;
  std::optional<std::string> text = dump.templateBody;
  if (dump.templateBody.empty()) {
    frontend::PartRole role = roleOf(module.kind);
    bool named =
        role == frontend::PartRole::Instance && inputs.spec && !inputs.spec->instances.empty();
    text = frontend::renderPart(bundle, inputs.request(role, named ? deployment.name : ""),
                                diagnostics);
    source = bundle.name;
  }
  if (!text)
    return {};
  return frontend::withRetainPolicies(source, *text, diagnostics).value_or("");
}

void attach(backends::Deployment& deployment, const ir::Module& module,
            const frontend::StackDump& dump, const frontend::Bundle& bundle,
            const TemplateInputs& inputs, ir::Diagnostics& diagnostics) {
  backends::DeployedStack deployed;
  deployed.dumpPath = dump.path;
  deployed.stackId = dump.stackId;
  deployed.templateBody = dump.templateBody;
  for (const frontend::StackResource& resource : dump.resources)
    deployed.resources[resource.logicalId] = {resource.physicalId, resource.type,
                                              resource.location};
  deployed.retainTemplate = retainTemplate(dump, module, deployment, bundle, inputs, diagnostics);
  deployment.stackName = dump.stackName;
  deployment.deployed = std::move(deployed);
}

} // namespace

std::vector<frontend::StackDump> readStackDumps(const std::vector<std::string>& paths,
                                                ir::Diagnostics& diagnostics) {
  std::vector<frontend::StackDump> dumps;
  for (const std::string& path : paths)
    if (auto dump = frontend::readStackDump(path, diagnostics))
      dumps.push_back(std::move(*dump));
  return frontend::mergeStackDumps(std::move(dumps), diagnostics);
}

void attachStackDumps(backends::ConversionModel& model, const frontend::Bundle& bundle,
                      const TemplateInputs& inputs, const std::vector<frontend::StackDump>& dumps,
                      std::set<std::size_t>& attached, ir::Diagnostics& diagnostics) {
  for (std::size_t i = 0; i < dumps.size(); ++i) {
    backends::Deployment* match = nullptr;
    for (backends::Deployment& deployment : model.deployments) {
      const ir::Module* module = model.modules.find(deployment.module);
      if (module && !deployment.deployed && tagsMatch(dumps[i], *module, deployment))
        match = &deployment;
    }
    if (!match && dumps.size() == 1 && model.deployments.size() == 1)
      match = &model.deployments.front(); // the only stack there is
    if (!match)
      continue;
    attach(*match, *model.modules.find(match->module), dumps[i], bundle, inputs, diagnostics);
    attached.insert(i);
  }
}

void reportUnattachedDumps(const std::vector<frontend::StackDump>& dumps,
                           const std::set<std::size_t>& attached, ir::Diagnostics& diagnostics) {
  for (std::size_t i = 0; i < dumps.size(); ++i)
    if (!attached.count(i))
      diagnostics.error(kBadDump, {dumps[i].path, 1, 1},
                        "the stack " +
                            (dumps[i].stackName.empty() ? std::string("of this dump")
                                                        : "'" + dumps[i].stackName + "'") +
                            " matches no deployment: its aws:proton:* tags name no environment, "
                            "service instance, pipeline or component of the spec");
}

} // namespace pm::driver
