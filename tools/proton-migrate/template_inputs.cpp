// Loading --spec, --env-outputs, --component-outputs and --context.
#include "tools/proton-migrate/template_inputs.h"

namespace pm::driver {

void declareTemplateInputOptions(po::options_description& options) {
  // clang-format off
  options.add_options()
      ("spec", po::value<std::string>()->value_name("FILE"),
       "EnvironmentSpec or ServiceSpec with the input values (default: schema defaults)")
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
  files.spec = optional("spec");
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

std::optional<LoadedBundle> loadBundle(const std::string& path, const po::variables_map& values,
                                       ir::Diagnostics& diagnostics) {
  auto bundle = frontend::readBundle(path, diagnostics);
  if (!bundle)
    return std::nullopt;
  auto inputs = loadTemplateInputs(TemplateInputFiles::fromOptions(values), *bundle, diagnostics);
  if (!inputs)
    return std::nullopt;
  return LoadedBundle{std::move(*bundle), std::move(*inputs)};
}

} // namespace pm::driver
