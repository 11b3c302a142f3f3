// Converting environment and service templates as one model.
#include "tools/proton-migrate/system_model.h"

#include "ir/passes/bind_upstream_outputs.h"
#include "ir/reporting_jobs.h"
#include "tools/proton-migrate/conversion_builder.h"

#include <algorithm>
#include <set>

namespace pm::driver {

namespace {

bool isEnvironment(const frontend::Bundle& bundle) {
  return bundle.kind == frontend::BundleKind::Environment ||
         bundle.kind == frontend::BundleKind::CustomerManagedEnvironment;
}

// Whether a service or component may be deployed in environments of `environment`: what its
// registration file lists, or any environment template when it has none.
bool compatible(const frontend::Bundle& service, const frontend::Bundle& environment) {
  if (!service.registration || service.registration->compatibleEnvironments.empty())
    return true;
  return std::any_of(service.registration->compatibleEnvironments.begin(),
                     service.registration->compatibleEnvironments.end(),
                     [&](const frontend::CompatibleEnvironment& listed) {
                       return listed.templateName == environment.name &&
                              (environment.majorVersion.empty() ||
                               std::to_string(listed.majorVersion) == environment.majorVersion);
                     });
}

bool namesEnvironment(const TemplateInputs& inputs) {
  return std::any_of(
      inputs.overrides.begin(), inputs.overrides.end(),
      [](const frontend::ContextOverride& o) { return o.path == "environment.name"; });
}

// Environment bundles first, each group in the order given.
std::vector<const LoadedBundle*> environmentsFirst(std::vector<const LoadedBundle*> bundles) {
  std::stable_partition(bundles.begin(), bundles.end(),
                        [](const LoadedBundle* loaded) { return isEnvironment(loaded->bundle); });
  return bundles;
}

// The environment names each environment bundle deploys, by bundle name.
std::map<std::string, std::vector<std::string>>
environmentNames(const std::vector<const LoadedBundle*>& bundles) {
  std::map<std::string, std::vector<std::string>> names;
  std::set<std::string> assigned;
  for (const LoadedBundle* service : bundles) {
    if (isEnvironment(service->bundle) || !service->inputs.spec)
      continue;
    for (const frontend::ServiceInstanceSpec& instance : service->inputs.spec->instances) {
      if (instance.environment.empty() || assigned.count(instance.environment))
        continue;
      for (const LoadedBundle* environment : bundles) {
        if (!isEnvironment(environment->bundle) || namesEnvironment(environment->inputs) ||
            !compatible(service->bundle, environment->bundle))
          continue;
        names[environment->bundle.name].push_back(instance.environment);
        assigned.insert(instance.environment);
        break;
      }
    }
  }
  return names;
}

bool uniqueNames(const std::vector<const LoadedBundle*>& bundles, ir::Diagnostics& diagnostics) {
  std::set<std::string> seen;
  for (const LoadedBundle* loaded : bundles)
    if (!seen.insert(loaded->bundle.name).second) {
      diagnostics.error("PRS006", {loaded->bundle.files.displayRoot(), 0, 0},
                        "two bundles are named '" + loaded->bundle.name +
                            "' (two versions of one template?): convert them separately");
      return false;
    }
  return true;
}

// The environment a deployment of `service` is in: its spec instance's, else the context's.
std::string environmentOf(const backends::Deployment& deployment, const LoadedBundle& service) {
  const frontend::Spec* spec = service.inputs.spec ? &*service.inputs.spec : nullptr;
  if (const frontend::ServiceInstanceSpec* instance =
          spec ? spec->findInstance(deployment.name) : nullptr)
    if (!instance->environment.empty())
      return instance->environment;
  auto found = deployment.values.context.find("environment.name");
  return found == deployment.values.context.end() ? std::string() : found->second.text;
}

// Links the deployments of `service` to the environment deployments of compatible bundles.
void linkService(backends::ConversionModel& model, const LoadedBundle& service,
                 const std::vector<const LoadedBundle*>& environments,
                 ir::Diagnostics& diagnostics) {
  std::vector<std::string> environmentModules;
  std::vector<const backends::Deployment*> candidates;
  for (const LoadedBundle* environment : environments) {
    if (!compatible(service.bundle, environment->bundle))
      continue;
    for (const backends::Deployment& deployment : model.deployments)
      if (deployment.bundle == environment->bundle.name) {
        candidates.push_back(&deployment);
        if (std::find(environmentModules.begin(), environmentModules.end(), deployment.module) ==
            environmentModules.end())
          environmentModules.push_back(deployment.module);
      }
  }
  if (environmentModules.empty())
    return;
  std::set<std::string> linkedModules;
  for (backends::Deployment& deployment : model.deployments) {
    ir::Module* module = model.modules.find(deployment.module);
    if (deployment.bundle != service.bundle.name || !module ||
        std::find(module->upstreamModules.begin(), module->upstreamModules.end(), "environment") ==
            module->upstreamModules.end())
      continue;
    if (linkedModules.insert(module->name).second)
      module->upstreamModules.insert(module->upstreamModules.end(), environmentModules.begin(),
                                     environmentModules.end());
    std::string environment = environmentOf(deployment, service);
    auto found =
        std::find_if(candidates.begin(), candidates.end(),
                     [&](const backends::Deployment* e) { return e->name == environment; });
    if (found != candidates.end()) {
      deployment.environment = backends::DeploymentRef{(*found)->module, (*found)->name};
      continue;
    }
    diagnostics.warning(ir::kMissingUpstreamOutputRule, module->location,
                        "'" + deployment.name + "' is deployed in the environment '" + environment +
                            "', which no environment template converted with it deploys: its "
                            "environment outputs stay the values given (--env-outputs)");
  }
}

// One bundle's share of the system model, read on its own (bundle names are unique, so its
// module names are too).
struct BundleRead {
  backends::ConversionModel model;
  tf::NativeSources terraform;
  bool ok = false;
};

// Reads the bundles (rendering and parsing them: most of the work) on `threads` threads, each
// into a model of its own, then adds them to `model` in the given order, so the result and the
// diagnostics are the same for any thread count.
bool addBundles(backends::ConversionModel& model, const std::vector<const LoadedBundle*>& bundles,
                std::map<std::string, std::vector<std::string>>& environments,
                ir::Diagnostics& diagnostics, tf::NativeSources* terraformSources,
                unsigned threads) {
  for (const LoadedBundle* loaded : bundles)
    environments[loaded->bundle.name]; // no insertion while the threads read the map
  std::vector<BundleRead> reads = ir::mapReportingJobs(
      bundles.size(), threads, diagnostics, [&](std::size_t index, ir::Diagnostics& found) {
        const LoadedBundle& loaded = *bundles[index];
        BundleRead read;
        read.model.mode = model.mode;
        read.ok =
            addBundle(read.model, loaded.bundle, loaded.inputs, environments.at(loaded.bundle.name),
                      found, terraformSources ? &read.terraform : nullptr);
        return read;
      });
  bool failed = false;
  for (BundleRead& read : reads) {
    for (ir::Module& module : read.model.modules.modules())
      model.modules.add(std::move(module));
    std::move(read.model.deployments.begin(), read.model.deployments.end(),
              std::back_inserter(model.deployments));
    if (terraformSources)
      terraformSources->merge(read.terraform);
    failed = failed || !read.ok;
  }
  return !failed;
}

} // namespace

std::optional<backends::ConversionModel>
buildSystemModel(const std::vector<const LoadedBundle*>& given, backends::ConversionMode mode,
                 ir::Diagnostics& diagnostics, tf::NativeSources* terraformSources,
                 unsigned threads) {
  if (!uniqueNames(given, diagnostics))
    return std::nullopt;
  std::vector<const LoadedBundle*> bundles = environmentsFirst(given);
  backends::ConversionModel model;
  model.mode = mode;
  for (const LoadedBundle* loaded : bundles)
    model.bundleName += (model.bundleName.empty() ? "" : " + ") + loaded->bundle.name;
  auto environments = environmentNames(bundles);
  std::vector<const LoadedBundle*> environmentBundles;
  std::copy_if(bundles.begin(), bundles.end(), std::back_inserter(environmentBundles),
               [](const LoadedBundle* loaded) { return isEnvironment(loaded->bundle); });
  if (!addBundles(model, bundles, environments, diagnostics, terraformSources, threads))
    return std::nullopt;
  if (mode == backends::ConversionMode::Parametric)
    for (const LoadedBundle* loaded : bundles)
      if (!isEnvironment(loaded->bundle))
        linkService(model, *loaded, environmentBundles, diagnostics);
  model.passes.lintOptions.rendered = mode == backends::ConversionMode::Rendered;
  model.passes.threads = threads;
  ir::runPasses(model.modules, diagnostics, model.passes);
  return model;
}

} // namespace pm::driver
