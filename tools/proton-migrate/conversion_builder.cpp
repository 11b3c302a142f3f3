// Reading every part of a bundle into one module graph for the backends.
#include "tools/proton-migrate/conversion_builder.h"

#include "frontend/parametric/parametric_reader.h"
#include "ir/loop_expansion.h"
#include "tools/proton-migrate/terraform_bundle.h"

namespace pm::driver {

namespace {

using frontend::PartRole;

// The names of the stacks Proton makes of a part: one per service instance of the spec, one
// for anything else. An empty name stands for the only (or default) instance.
std::vector<std::string> deploymentNames(PartRole role, const TemplateInputs& inputs) {
  if (role != PartRole::Instance || !inputs.spec || inputs.spec->instances.empty())
    return {""};
  std::vector<std::string> names;
  for (const frontend::ServiceInstanceSpec& instance : inputs.spec->instances)
    names.push_back(instance.name);
  return names;
}

std::string displayName(const ir::InputValues& values, PartRole role, const std::string& given) {
  if (!given.empty())
    return given;
  auto context = [&](const std::string& path) {
    auto found = values.context.find(path);
    return found == values.context.end() ? std::string() : found->second.text;
  };
  switch (role) {
  case PartRole::Infrastructure:
    return context("environment.name");
  case PartRole::Instance:
    return context("service_instance.name");
  case PartRole::Pipeline:
    return "pipeline";
  case PartRole::Component:
    return context("component.name");
  }
  return given;
}

std::optional<ir::Module> readModule(const frontend::Bundle& bundle,
                                     const frontend::RenderRequest& request,
                                     backends::ConversionMode mode, ir::Diagnostics& diagnostics) {
  if (mode == backends::ConversionMode::Parametric)
    return frontend::readParametric(bundle, request, diagnostics);
  const frontend::BundlePart* part = bundle.part(request.part);
  auto text = frontend::renderPart(bundle, request, diagnostics);
  if (!text || !part)
    return std::nullopt;
  return frontend::readRenderedTemplate(bundle, *part, *text, diagnostics);
}

// The backends do not emit loops over lists of objects yet (neither the element type nor a
// deployment's list is modeled for them), so a loop the parametric reader lifted is expanded
// here for the spec's elements, and reported.
void expandLoopsForBackends(ir::Module& module, const ir::InputValues& values,
                            ir::Diagnostics& diagnostics) {
  for (const ir::SourceLocation& loop : ir::expandLoops(module, values))
    diagnostics.warning("MIG008", loop,
                        "this loop is expanded for the spec's elements: the backends do not "
                        "emit loops over lists of objects yet (the list is not an input of the "
                        "converted code)");
}

// A Terraform part keeps its own files: only the terraform target can take them over.
std::optional<ir::Module> readTerraformModule(const frontend::Bundle& bundle,
                                              const frontend::BundlePart& part,
                                              const std::string& moduleName,
                                              tf::NativeSources* sources,
                                              ir::Diagnostics& diagnostics) {
  if (sources)
    return readTerraformBundlePart(bundle, part, moduleName, *sources, diagnostics);
  diagnostics.error("PRS013", {bundle.files.displayPath(part.directory), 0, 0},
                    "the " + std::string(frontend::partRoleName(part.role)) +
                        " part is written in Terraform: convert it with --to terraform");
  return std::nullopt;
}

} // namespace

std::string partModuleName(const frontend::Bundle& bundle, PartRole role,
                           const std::string& instance) {
  std::string name = bundle.name;
  if (role == PartRole::Instance || role == PartRole::Pipeline)
    name += std::string("-") + frontend::partRoleName(role);
  if (!instance.empty())
    name += "-" + instance;
  return name;
}

std::optional<backends::ConversionModel> buildConversionModel(const frontend::Bundle& bundle,
                                                              const TemplateInputs& inputs,
                                                              backends::ConversionMode mode,
                                                              ir::Diagnostics& diagnostics,
                                                              tf::NativeSources* terraformSources) {
  backends::ConversionModel model;
  model.bundleName = bundle.name;
  model.templateVersion = bundle.majorVersion;
  model.mode = mode;
  bool failed = false;
  for (const frontend::BundlePart& part : bundle.parts) {
    bool terraform = isTerraformPart(part);
    if (part.templatePath.empty() && !terraform)
      continue;
    bool perInstance = mode == backends::ConversionMode::Rendered;
    for (const std::string& instance : deploymentNames(part.role, inputs)) {
      frontend::RenderRequest request = inputs.request(part.role, instance);
      auto values = frontend::requestValues(bundle, request, diagnostics);
      std::string moduleName = partModuleName(
          bundle, part.role,
          perInstance && part.role == PartRole::Instance && !instance.empty() ? instance : "");
      if (!model.modules.find(moduleName)) {
        auto module =
            terraform ? readTerraformModule(bundle, part, moduleName, terraformSources, diagnostics)
                      : readModule(bundle, request, mode, diagnostics);
        if (!module) {
          failed = true;
          continue;
        }
        if (values)
          expandLoopsForBackends(*module, *values, diagnostics);
        module->name = moduleName;
        module->kind = frontend::moduleKindOf(part.role);
        model.modules.add(std::move(*module));
      }
      if (values)
        model.deployments.push_back(
            {moduleName, displayName(*values, part.role, instance), "", std::move(*values)});
    }
  }
  if (failed)
    return std::nullopt;
  ir::runPasses(model.modules, diagnostics, model.passes);
  return model;
}

} // namespace pm::driver
