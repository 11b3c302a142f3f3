// Recovering or taking the inputs of a migration.
#include "tools/proton-migrate/migration_inputs.h"

#include "frontend/bundle/schema_inputs.h"
#include "frontend/cloudformation/template_values.h"
#include "frontend/parametric/spec_recovery.h"
#include "ir/expr_text.h"
#include "ir/secret_masking.h"
#include "tools/proton-migrate/staging_registry.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

namespace pm::driver {

namespace {

constexpr const char* kMasked = "********";
std::vector<ir::Input> declaredInputs(const frontend::Bundle& bundle, frontend::PartRole part) {
  if (!bundle.schema)
    return {};
  const auto& type = part == frontend::PartRole::Infrastructure ? bundle.schema->environmentInputs
                     : part == frontend::PartRole::Pipeline     ? bundle.schema->pipelineInputs
                     : part == frontend::PartRole::Instance     ? bundle.schema->serviceInputs
                                                                : std::nullopt;
  return type ? frontend::toModelInputs(*type) : std::vector<ir::Input>{};
}

std::string defaultText(const ir::Input& input) {
  if (!input.defaultValue)
    return "(none)";
  return frontend::scalarText(input.defaultValue).value_or(ir::exprText(input.defaultValue));
}

StackInputValue reported(const std::string& name, std::string value, std::string origin) {
  return {name, ir::namesSecret(name) ? kMasked : std::move(value), std::move(origin)};
}

// --- inputs given in a spec ---------------------------------------------------------------

YAML::Node givenInputs(const frontend::Spec& spec, const MigrationStack& stack) {
  if (*stack.part == frontend::PartRole::Infrastructure)
    return spec.environmentInputs;
  if (*stack.part == frontend::PartRole::Pipeline)
    return spec.pipelineInputs;
  const frontend::ServiceInstanceSpec* instance = spec.findInstance(stack.name);
  return instance ? instance->inputs : YAML::Node();
}

std::string flowText(const YAML::Node& value) {
  YAML::Emitter emitter;
  emitter << YAML::Flow << value;
  return emitter.c_str();
}

StackInputs givenStackInputs(const frontend::Bundle& bundle, const frontend::Spec* spec,
                             const MigrationStack& stack) {
  StackInputs out{stack.dump.stackName, {}};
  const YAML::Node given = spec ? givenInputs(*spec, stack) : YAML::Node();
  for (const ir::Input& input : declaredInputs(bundle, *stack.part)) {
    YAML::Node value = given && given.IsMap() ? given[input.name] : YAML::Node();
    if (value && value.IsScalar())
      out.values.push_back(reported(input.name, value.Scalar(), "given"));
    else if (value)
      out.values.push_back(reported(input.name, flowText(value), "given"));
    else
      out.values.push_back(reported(input.name, defaultText(input), "default"));
  }
  return out;
}

// --- inputs recovered from the deployed templates -------------------------------------------

std::string recoveredText(const frontend::RecoveredValue& value) {
  if (!value.items)
    return value.text;
  std::string list;
  for (const std::string& item : *value.items)
    list += (list.empty() ? "" : ", ") + item;
  return "[" + list + "]";
}

StackInputs recoveredStackInputs(const frontend::Bundle& bundle,
                                 const frontend::RecoveredSpec& recovered,
                                 const MigrationStack& stack) {
  StackInputs out{stack.dump.stackName, {}};
  for (const ir::Input& input : declaredInputs(bundle, *stack.part)) {
    auto found = recovered.inputs.find(input.name);
    if (found != recovered.inputs.end())
      out.values.push_back(reported(input.name, recoveredText(found->second), "recovered"));
    else
      out.values.push_back(reported(input.name, defaultText(input), "default (not recoverable)"));
  }
  return out;
}

// The recovered inputs that differ from their defaults, as lines of a spec.
std::string inputLines(const frontend::RecoveredSpec& recovered, const std::string& indent) {
  std::string lines;
  for (const auto& [name, value] : recovered.changedInputs())
    lines += indent + name + ": " + value + "\n";
  return lines;
}

std::string block(const std::string& lines) {
  return lines.empty() ? " {}\n" : "\n" + lines;
}

std::string doubleQuoted(const std::string& text) {
  YAML::Emitter emitter;
  emitter << YAML::DoubleQuoted << text;
  return emitter.c_str();
}

// The stacks' tags say what the context is: the account, the service, a component's name, the
// environment of an environment template. The user's --context values come after them, so they win.
std::vector<frontend::ContextOverride> contextFromTags(const std::vector<MigrationStack>& stacks) {
  std::vector<frontend::ContextOverride> overrides;
  auto first = std::find_if(stacks.begin(), stacks.end(),
                            [](const MigrationStack& stack) { return stack.part.has_value(); });
  if (first == stacks.end())
    return overrides;
  if (!first->accountId.empty())
    overrides.push_back({"environment.account_id", first->accountId});
  if (first->part == frontend::PartRole::Component)
    overrides.push_back({"component.name", first->name});
  if (!first->service.empty())
    overrides.push_back({"service.name", first->service});
  else if (first->part == frontend::PartRole::Infrastructure)
    overrides.push_back({"environment.name", first->name});
  return overrides;
}

const MigrationStack* environmentStack(const std::vector<MigrationStack>& stacks,
                                       const std::string& name) {
  const MigrationStack* only = nullptr;
  std::size_t count = 0;
  for (const MigrationStack& stack : stacks)
    if (stack.role == StackRole::Environment) {
      if (stack.name == name)
        return &stack;
      only = &stack, ++count;
    }
  return count == 1 ? only : nullptr;
}

// The environment outputs a stack deployed in `environment` read, unless --env-outputs gave them.
void useEnvironmentOutputs(TemplateInputs& inputs, const std::vector<MigrationStack>& stacks,
                           const std::string& environment, const TemplateInputFiles& files) {
  if (files.environmentOutputs)
    return;
  const MigrationStack* stack = environmentStack(stacks, environment);
  if (stack)
    inputs.environmentOutputs = stackOutputs(*stack);
}

// The Outputs of the instances' stacks are what the pipeline reads of each instance.
void useInstanceOutputs(TemplateInputs& inputs, const std::vector<MigrationStack>& stacks) {
  for (const MigrationStack& stack : stacks)
    if (stack.role == StackRole::ServiceInstance && !stack.dump.outputs.empty())
      inputs.instanceOutputs[stack.name] = stackOutputs(stack);
}

// A spec file written for the spec reader, which reads files only; removed when done, also on
// Ctrl-C (registered like a staging path). Created exclusively under a random name (mkstemps),
// so a link planted in the shared temporary folder cannot redirect the write.
class SpecFile {
public:
  explicit SpecFile(const std::string& text) : registered_(createFile(text)) {}
  ~SpecFile() {
    std::error_code ignored;
    std::filesystem::remove(registered_.path(), ignored);
  }
  SpecFile(const SpecFile&) = delete;
  SpecFile& operator=(const SpecFile&) = delete;
  std::string path() const { return registered_.path().string(); }

private:
  static std::filesystem::path createFile(const std::string& text) {
    std::string name =
        (std::filesystem::temp_directory_path() / "proton-migrate-recovered-XXXXXX.yaml").string();
    int descriptor = ::mkstemps(name.data(), 5);
    if (descriptor < 0)
      throw std::runtime_error("cannot create a temporary spec file in " +
                               std::filesystem::temp_directory_path().string());
    bool written =
        ::write(descriptor, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::close(descriptor);
    if (!written)
      throw std::runtime_error("cannot write " + name);
    return name;
  }

  StagingPath registered_;
};

// The inputs the options give, the spec (when any) read from `specText`, and what the stacks
// tell: context from their tags, environment and instance outputs from their Outputs.
std::optional<TemplateInputs> loadInputs(const frontend::Bundle& bundle,
                                         const std::vector<MigrationStack>& stacks,
                                         TemplateInputFiles files,
                                         const std::optional<std::string>& specText,
                                         ir::Diagnostics& diagnostics) {
  std::optional<SpecFile> written;
  if (specText)
    files.spec = written.emplace(*specText).path();
  auto inputs = loadTemplateInputs(files, bundle, diagnostics);
  if (!inputs)
    return std::nullopt;
  auto tags = contextFromTags(stacks);
  inputs->overrides.insert(inputs->overrides.begin(), tags.begin(), tags.end());
  std::string environment;
  for (const MigrationStack& stack : stacks)
    if (stack.part && environment.empty())
      environment = stack.environment;
  useEnvironmentOutputs(*inputs, stacks, environment, files);
  useInstanceOutputs(*inputs, stacks);
  return inputs;
}

std::string serviceSpecText(const std::optional<std::string>& pipeline,
                            const std::string& instances) {
  std::string text = "proton: ServiceSpec\n";
  if (pipeline)
    text += "pipeline:" + block(*pipeline);
  return text + "instances:" + (instances.empty() ? " []\n" : "\n" + instances);
}

// Inverse rendering, stack by stack: environments and instances first, then the pipeline with
// the instances recovered (their names, inputs and outputs).
class Recovery {
public:
  Recovery(const frontend::Bundle& bundle, const std::vector<MigrationStack>& stacks,
           const TemplateInputFiles& files, ir::Diagnostics& diagnostics)
      : bundle_(bundle), stacks_(stacks), files_(files), diagnostics_(diagnostics) {}

  std::optional<MigrationInputs> run() {
    MigrationInputs result;
    result.recovered = true;
    for (const MigrationStack& stack : stacks_)
      if (stack.part == frontend::PartRole::Component)
        result.stacks.push_back({stack.dump.stackName, {}}); // no inputs of its own
      else if (stack.part && *stack.part != frontend::PartRole::Pipeline &&
               !recoverInto(stack, nullptr, result))
        return std::nullopt;
    for (const MigrationStack& stack : stacks_)
      if (stack.part == frontend::PartRole::Pipeline) {
        auto withInstances = loadInputs(bundle_, stacks_, files_,
                                        serviceSpecText(std::nullopt, instances_), diagnostics_);
        if (!withInstances || !recoverInto(stack, &*withInstances->spec, result))
          return std::nullopt;
      }
    if (bundle_.kind == frontend::BundleKind::Service)
      result.specText = serviceSpecText(pipeline_, instances_);
    else if (bundle_.kind == frontend::BundleKind::Component)
      result.specText = attachedInstanceSpec();
    else if (bundle_.kind != frontend::BundleKind::PlainTemplate)
      result.specText = "proton: EnvironmentSpec\nspec:" + block(environment_);
    auto inputs = loadInputs(
        bundle_, stacks_, files_,
        result.specText.empty() ? std::nullopt : std::optional(result.specText), diagnostics_);
    if (!inputs)
      return std::nullopt;
    result.inputs = std::move(*inputs);
    return result;
  }

private:
  bool recoverInto(const MigrationStack& stack, const frontend::Spec* spec,
                   MigrationInputs& result) {
    auto recovered = recoverStack(stack, spec);
    if (!recovered || !allRequiredRecovered(stack, *recovered))
      return false;
    result.stacks.push_back(recoveredStackInputs(bundle_, *recovered, stack));
    if (*stack.part == frontend::PartRole::Infrastructure)
      environment_ += inputLines(*recovered, "  ");
    else if (*stack.part == frontend::PartRole::Pipeline)
      pipeline_ = inputLines(*recovered, "  ");
    else if (*stack.part == frontend::PartRole::Instance)
      instances_ += instanceEntry(stack.name, stack.environment, inputLines(*recovered, "      "));
    return true;
  }

  // An input without a default that no deployed value gave cannot be made up.
  bool allRequiredRecovered(const MigrationStack& stack, const frontend::RecoveredSpec& spec) {
    bool all = true;
    for (const ir::Input& input : declaredInputs(bundle_, *stack.part))
      if (!input.defaultValue && !spec.inputs.count(input.name)) {
        diagnostics_.error("MIG006", input.location,
                           "input " + input.name + " of stack " + stack.dump.stackName +
                               " has no default and could not be recovered from the deployed "
                               "template: give the stack's inputs with --spec");
        all = false;
      }
    return all;
  }

  std::optional<frontend::RecoveredSpec> recoverStack(const MigrationStack& stack,
                                                      const frontend::Spec* spec) {
    auto deployed = readDeployedTemplate(stack, diagnostics_);
    auto inputs = loadInputs(bundle_, stacks_, files_, std::nullopt, diagnostics_);
    if (!deployed || !inputs)
      return std::nullopt;
    useEnvironmentOutputs(*inputs, stacks_, stack.environment, files_);
    std::vector<frontend::ContextOverride> own;
    if (stack.part == frontend::PartRole::Instance) {
      own.push_back({"service_instance.name", stack.name});
      if (!stack.environment.empty())
        own.push_back({"environment.name", stack.environment});
    }
    inputs->overrides.insert(inputs->overrides.begin(), own.begin(), own.end());
    frontend::RenderRequest request = inputs->request(*stack.part, "");
    request.spec = spec;
    return frontend::recoverSpec(bundle_, request, *deployed, diagnostics_);
  }

  // A component renders in the context of the service instance it is attached to: its name
  // and environment from the tags; its inputs are not in the component's template to recover
  // (give them with --spec), so they keep the service schema's defaults.
  std::string attachedInstanceSpec() const {
    for (const MigrationStack& stack : stacks_)
      if (stack.part == frontend::PartRole::Component && !stack.instance.empty())
        return serviceSpecText(std::nullopt, instanceEntry(stack.instance, stack.environment, ""));
    return {};
  }

  // An item of a ServiceSpec's `instances`, with the input lines given.
  static std::string instanceEntry(const std::string& name, const std::string& environment,
                                   const std::string& inputs) {
    return "  - name: " + doubleQuoted(name) + "\n    environment: " +
           doubleQuoted(environment.empty() ? frontend::kDefaultEnvironmentName : environment) +
           "\n    spec:" + block(inputs);
  }

  const frontend::Bundle& bundle_;
  const std::vector<MigrationStack>& stacks_;
  const TemplateInputFiles& files_;
  ir::Diagnostics& diagnostics_;
  std::string environment_, instances_;
  std::optional<std::string> pipeline_;
};

std::string fileText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

std::optional<MigrationInputs> migrationInputs(const frontend::Bundle& bundle,
                                               const std::vector<MigrationStack>& stacks,
                                               const TemplateInputFiles& files,
                                               ir::Diagnostics& diagnostics) {
  if (!files.spec)
    return Recovery(bundle, stacks, files, diagnostics).run();
  auto inputs = loadInputs(bundle, stacks, files, std::nullopt, diagnostics);
  if (!inputs)
    return std::nullopt;
  MigrationInputs result;
  result.specText = fileText(*files.spec);
  for (const MigrationStack& stack : stacks)
    if (stack.part)
      result.stacks.push_back(
          givenStackInputs(bundle, inputs->spec ? &*inputs->spec : nullptr, stack));
  result.inputs = std::move(*inputs);
  return result;
}

} // namespace pm::driver
