// Loading --spec, --env-outputs, --component-outputs and --context.
#include "tools/proton-migrate/template_inputs.h"

#include "tools/proton-migrate/model_cache.h"

#include "ir/reporting_jobs.h"

#include <algorithm>

namespace pm::driver {

void declareTemplateInputOptions(po::options_description& options) {
  // clang-format off
  options.add_options()
      ("spec", po::value<std::vector<std::string>>()->value_name("FILE"),
       "EnvironmentSpec or ServiceSpec with the input values (default: schema defaults); with "
       "several bundles, one per bundle: each goes to the bundles of its kind, in order")
      ("env-outputs", po::value<std::string>()->value_name("FILE"),
       "environment outputs: a flat YAML/JSON map, or `aws cloudformation describe-stacks` JSON")
      ("component-outputs", po::value<std::string>()->value_name("FILE"),
       "outputs of the component attached to the service instance (a flat map)");
  // clang-format on
  declareContextOption(options);
}

void declareContextOption(po::options_description& options) {
  options.add_options()(
      "context", po::value<std::vector<std::string>>()->composing()->value_name("PATH=VALUE"),
      "set a value no spec carries (repeatable): service.name (default service), "
      "environment.name (default: the instance's environment, or env), environment.account_id "
      "(default 111111111111), service.repository_id, service.branch_name, ...");
}

std::optional<frontend::PartRole> partOption(const po::variables_map& values,
                                             const frontend::Bundle& bundle,
                                             ir::Diagnostics& diagnostics) {
  if (!values.count("part"))
    return std::nullopt;
  std::string name = values["part"].as<std::string>();
  auto role = frontend::partRoleNamed(name);
  if (!role) {
    diagnostics.error("PRS013", {bundle.files.displayRoot(), 0, 0},
                      "unknown part '" + name +
                          "'; expected infrastructure, instance, pipeline or component");
    return std::nullopt;
  }
  return role;
}

frontend::RenderRequest TemplateInputs::request(frontend::PartRole part,
                                                const std::string& instance) const {
  frontend::RenderRequest request;
  request.part = part;
  request.spec = spec ? &*spec : nullptr;
  request.instance = instance;
  request.environmentOutputs = environmentOutputs;
  request.componentOutputs = componentOutputs;
  request.instanceOutputs = instanceOutputs;
  request.overrides = overrides;
  return request;
}

namespace {

bool loadSpec(const TemplateInputFiles& files, const frontend::Bundle& bundle,
              TemplateInputs& inputs, ir::Diagnostics& diagnostics) {
  if (!files.spec)
    return true;
  inputs.spec = frontend::readSpec(*files.spec, diagnostics);
  if (!inputs.spec)
    return false;
  if (!bundle.schema)
    return true; // components and plain templates have no schema to check against
  return frontend::validateSpec(*inputs.spec, *bundle.schema, diagnostics);
}

bool loadOverrides(const TemplateInputFiles& files, TemplateInputs& inputs,
                   ir::Diagnostics& diagnostics) {
  for (const auto& item : files.contexts) {
    auto equals = item.find('=');
    if (equals == std::string::npos || equals == 0) {
      diagnostics.error("PRS010", {}, "--context '" + item + "' must be PATH=VALUE");
      return false;
    }
    inputs.overrides.push_back({item.substr(0, equals), item.substr(equals + 1)});
  }
  return true;
}

} // namespace

TemplateInputFiles TemplateInputFiles::fromOptions(const po::variables_map& values) {
  TemplateInputFiles files;
  auto optional = [&](const char* name) -> std::optional<std::string> {
    if (!values.count(name))
      return std::nullopt;
    return values[name].as<std::string>();
  };
  files.environmentOutputs = optional("env-outputs");
  files.componentOutputs = optional("component-outputs");
  if (values.count("context"))
    files.contexts = values["context"].as<std::vector<std::string>>();
  return files;
}

std::optional<TemplateInputs> loadTemplateInputs(const TemplateInputFiles& files,
                                                 const frontend::Bundle& bundle,
                                                 ir::Diagnostics& diagnostics) {
  TemplateInputs inputs;
  if (!loadSpec(files, bundle, inputs, diagnostics) || !loadOverrides(files, inputs, diagnostics))
    return std::nullopt;
  if (files.environmentOutputs) {
    auto outputs = frontend::readOutputsFile(*files.environmentOutputs, diagnostics);
    if (!outputs)
      return std::nullopt;
    inputs.environmentOutputs = *outputs;
  }
  if (files.componentOutputs) {
    inputs.componentOutputs = frontend::readOutputsFile(*files.componentOutputs, diagnostics);
    if (!inputs.componentOutputs)
      return std::nullopt;
  }
  if (bundle.part(frontend::PartRole::Pipeline))
    inputs.instanceOutputs =
        frontend::literalInstanceOutputs(bundle, inputs.request(frontend::PartRole::Pipeline, ""));
  return inputs;
}

namespace {

// The kind of spec a bundle takes; nothing for components and plain templates.
std::optional<frontend::TemplateKind> specKindOf(const frontend::Bundle& bundle) {
  switch (bundle.kind) {
  case frontend::BundleKind::Environment:
  case frontend::BundleKind::CustomerManagedEnvironment:
    return frontend::TemplateKind::Environment;
  case frontend::BundleKind::Service:
    return frontend::TemplateKind::Service;
  default:
    return std::nullopt;
  }
}

const char* specKindName(frontend::TemplateKind kind) {
  return kind == frontend::TemplateKind::Environment ? "EnvironmentSpec" : "ServiceSpec";
}

} // namespace

std::optional<std::vector<std::optional<std::string>>>
specsForBundles(const std::vector<const frontend::Bundle*>& bundles,
                const std::vector<std::string>& specs, ir::Diagnostics& diagnostics) {
  std::vector<std::optional<std::string>> chosen(bundles.size());
  if (specs.size() == 1 && bundles.size() == 1) {
    chosen[0] = specs[0]; // validated against the bundle's schema, whatever its kind
    return chosen;
  }
  std::map<frontend::TemplateKind, std::vector<std::string>> byKind;
  for (const std::string& path : specs) {
    // Read for its kind only: loading the bundle's inputs reads it again and reports warnings.
    ir::Diagnostics reading;
    auto spec = frontend::readSpec(path, reading);
    if (!spec) {
      diagnostics.appendUnreported(reading);
      return std::nullopt;
    }
    byKind[spec->kind].push_back(path);
  }
  for (const auto& [kind, paths] : byKind) {
    // The templates of this kind in order; the versions of one template share its spec.
    std::vector<std::string> templates;
    for (const frontend::Bundle* bundle : bundles)
      if (specKindOf(*bundle) == kind &&
          std::find(templates.begin(), templates.end(), bundle->name) == templates.end())
        templates.push_back(bundle->name);
    if (templates.size() != paths.size()) {
      diagnostics.error("PRS010", {paths.front(), 1, 1},
                        std::to_string(paths.size()) + " " + specKindName(kind) + " file(s) for " +
                            std::to_string(templates.size()) +
                            " template(s) of that kind: give one per template, in the order of "
                            "the bundles");
      return std::nullopt;
    }
    for (std::size_t i = 0; i < bundles.size(); ++i)
      if (specKindOf(*bundles[i]) == kind)
        chosen[i] = paths[std::find(templates.begin(), templates.end(), bundles[i]->name) -
                          templates.begin()];
  }
  return chosen;
}

namespace {

// The bundles at `paths`, in order; each read into diagnostics of its own on the pool (the
// cache is shared, so reads through it stay on this thread).
std::optional<std::vector<frontend::Bundle>> readBundles(const std::vector<std::string>& paths,
                                                         ir::Diagnostics& diagnostics,
                                                         ModelCache* cache, unsigned threads) {
  auto read = ir::mapReportingJobs(paths.size(), cache ? 1 : threads, diagnostics,
                                   [&](std::size_t index, ir::Diagnostics& found) {
                                     return cache ? cache->readBundle(paths[index], found)
                                                  : frontend::readBundle(paths[index], found);
                                   });
  std::vector<frontend::Bundle> bundles;
  bool failed = false;
  for (std::optional<frontend::Bundle>& bundle : read) {
    failed = failed || !bundle;
    if (bundle)
      bundles.push_back(std::move(*bundle));
  }
  if (failed)
    return std::nullopt;
  return bundles;
}

} // namespace

std::optional<std::vector<LoadedBundle>> loadBundles(const std::vector<std::string>& paths,
                                                     const po::variables_map& values,
                                                     ir::Diagnostics& diagnostics,
                                                     ModelCache* cache, unsigned threads) {
  auto readOrNot = readBundles(paths, diagnostics, cache, threads);
  if (!readOrNot)
    return std::nullopt;
  std::vector<frontend::Bundle>& bundles = *readOrNot;
  bool failed = false;
  std::vector<const frontend::Bundle*> read;
  for (const frontend::Bundle& bundle : bundles)
    read.push_back(&bundle);
  auto specs = specsForBundles(read,
                               values.count("spec") ? values["spec"].as<std::vector<std::string>>()
                                                    : std::vector<std::string>{},
                               diagnostics);
  if (!specs)
    return std::nullopt;
  std::vector<LoadedBundle> loaded;
  loaded.reserve(bundles.size()); // requests point into the elements: they must not move
  for (std::size_t i = 0; i < bundles.size(); ++i) {
    TemplateInputFiles files = TemplateInputFiles::fromOptions(values);
    files.spec = (*specs)[i];
    auto inputs = loadTemplateInputs(files, bundles[i], diagnostics);
    failed = failed || !inputs;
    if (inputs)
      loaded.push_back(LoadedBundle{std::move(bundles[i]), std::move(*inputs)});
  }
  if (failed)
    return std::nullopt;
  return loaded;
}

std::optional<LoadedBundle> loadBundle(const std::string& path, const po::variables_map& values,
                                       ir::Diagnostics& diagnostics) {
  auto loaded = loadBundles({path}, values, diagnostics);
  if (!loaded)
    return std::nullopt;
  return std::move(loaded->front());
}

} // namespace pm::driver
