// Reading every part of a bundle into one module graph for the backends.
#include "tools/proton-migrate/conversion_builder.h"

#include "frontend/parametric/parametric_reader.h"
#include "tools/proton-migrate/terraform_bundle.h"

namespace pm::driver {

namespace {

using frontend::PartRole;

// A stack Proton makes of a part, and the request that renders it.
struct PartDeployment {
  std::string name; // empty: the only (or default) instance or environment
  frontend::RenderRequest request;
};

// One per service instance of the spec for an instance part, one per name in `environments` for
// an infrastructure part (the environments the services converted with it are deployed in), one
// otherwise.
std::vector<PartDeployment> partDeployments(PartRole role, const TemplateInputs& inputs,
                                            const std::vector<std::string>& environments) {
  std::vector<PartDeployment> deployments;
  if (role == PartRole::Instance && inputs.spec && !inputs.spec->instances.empty()) {
    for (const frontend::ServiceInstanceSpec& instance : inputs.spec->instances)
      deployments.push_back({instance.name, inputs.request(role, instance.name)});
  } else if (role == PartRole::Infrastructure && !environments.empty()) {
    for (const std::string& environment : environments) {
      deployments.push_back({environment, inputs.request(role, "")});
      deployments.back().request.overrides.push_back({"environment.name", environment});
    }
  } else {
    deployments.push_back({"", inputs.request(role, "")});
  }
  return deployments;
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

// A part's module, and whether it holds values of the instance it was read for: a parametric read
// bakes them in where it fell back to rendering (MIG008), so such a module serves only that
// instance.
struct PartRead {
  std::optional<ir::Module> module;
  bool instanceSpecific = false;
};

PartRead readModule(const frontend::Bundle& bundle, const frontend::RenderRequest& request,
                    backends::ConversionMode mode, ir::Diagnostics& diagnostics) {
  PartRead read;
  if (mode == backends::ConversionMode::Parametric) {
    // A fallback inside a rendered loop is reported once per element: keep one of each.
    ir::Diagnostics found;
    auto parametric = frontend::readParametricModule(bundle, request, found);
    diagnostics.appendUnreported(found);
    if (!parametric)
      return read;
    read.instanceSpecific = !parametric->fallbacks.empty() || !parametric->renderedLoops.empty();
    read.module = std::move(parametric->module);
    return read;
  }
  const frontend::BundlePart* part = bundle.part(request.part);
  auto text = frontend::renderPart(bundle, request, diagnostics);
  if (text && part)
    read.module = frontend::readRenderedTemplate(bundle, *part, *text, diagnostics);
  return read; // rendered mode names every instance's module after it anyway
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

namespace {

// Adds the modules and deployments of one part. A part deployed several times is one module,
// unless reading it baked the first deployment's values in (or the mode is rendered): then every
// deployment gets its own module, and the diagnostics the later reads repeat are reported once.
bool addPart(backends::ConversionModel& model, const frontend::Bundle& bundle,
             const frontend::BundlePart& part, const TemplateInputs& inputs,
             const std::vector<std::string>& environments, ir::Diagnostics& diagnostics,
             tf::NativeSources* terraformSources) {
  bool terraform = isTerraformPart(part);
  std::vector<PartDeployment> deployments = partDeployments(part.role, inputs, environments);
  // Rendered mode always names instance modules after their instance.
  bool rendered = model.mode == backends::ConversionMode::Rendered;
  bool perDeployment = rendered && (part.role == PartRole::Instance || deployments.size() > 1);
  bool failed = false;
  for (std::size_t index = 0; index < deployments.size(); ++index) {
    const auto& [name, request] = deployments[index];
    auto values = frontend::requestValues(bundle, request, diagnostics);
    std::string moduleName = partModuleName(bundle, part.role, perDeployment ? name : "");
    if (!model.modules.find(moduleName)) {
      ir::Diagnostics repeated;
      ir::Diagnostics& sink = index == 0 ? diagnostics : repeated;
      PartRead read =
          terraform
              ? PartRead{readTerraformModule(bundle, part, moduleName, terraformSources, sink)}
              : readModule(bundle, request, model.mode, sink);
      diagnostics.appendUnreported(repeated);
      if (!read.module) {
        failed = true;
        continue;
      }
      if (!perDeployment && read.instanceSpecific && deployments.size() > 1) {
        perDeployment = true;
        moduleName = partModuleName(bundle, part.role, name);
      }
      read.module->name = moduleName;
      read.module->kind = frontend::moduleKindOf(part.role);
      model.modules.add(std::move(*read.module));
    }
    if (values)
      model.deployments.push_back({moduleName, displayName(*values, part.role, name), "",
                                   std::move(*values), std::nullopt, bundle.name});
  }
  return !failed;
}

} // namespace

bool addBundle(backends::ConversionModel& model, const frontend::Bundle& bundle,
               const TemplateInputs& inputs, const std::vector<std::string>& environments,
               ir::Diagnostics& diagnostics, tf::NativeSources* terraformSources) {
  bool failed = false;
  for (const frontend::BundlePart& part : bundle.parts)
    if (!part.templatePath.empty() || isTerraformPart(part))
      failed = !addPart(model, bundle, part, inputs, environments, diagnostics, terraformSources) ||
               failed;
  return !failed;
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
  if (!addBundle(model, bundle, inputs, {}, diagnostics, terraformSources))
    return std::nullopt;
  model.passes.lintOptions.rendered = mode == backends::ConversionMode::Rendered;
  ir::runPasses(model.modules, diagnostics, model.passes);
  return model;
}

} // namespace pm::driver
