// Each deployment's values go into one object variable, so terraform.tfvars reads like the
// spec: one entry per environment or instance with its inputs.
#include "backends/terraform/root_writer.h"

#include "backends/terraform/adoption_writer.h"
#include "backends/terraform/hcl_document.h"
#include "ir/target_names.h"

#include <set>

namespace pm::tf {

namespace {

constexpr ir::NamingStyle kSnake{ir::CaseStyle::Snake, 0, "_", "_"};

HclExprPtr literal(const ir::ExprPtr& value) {
  if (!value)
    return hclNull();
  switch (value->kind()) {
  case ir::ExprKind::String:
    return hclString(value->text());
  case ir::ExprKind::Number: {
    std::string number = hclNumber(value->number().text);
    return number.empty() ? hclString(value->number().text) : HclExpr::raw(number);
  }
  case ir::ExprKind::Bool:
    return HclExpr::raw(value->boolean() ? "true" : "false");
  case ir::ExprKind::List: {
    std::vector<HclExprPtr> items;
    for (const ir::ExprPtr& item : value->items())
      items.push_back(literal(item));
    return HclExpr::tuple(std::move(items));
  }
  case ir::ExprKind::Map: {
    std::vector<HclEntry> entries;
    for (const ir::MapEntry& entry : value->entries())
      entries.push_back(HclEntry{entry.key, literal(entry.value)});
    return HclExpr::object(std::move(entries));
  }
  default:
    return hclNull();
  }
}

const ir::BoundValue* find(const std::map<std::string, ir::BoundValue>& values,
                           const std::string& key) {
  auto found = values.find(key);
  return found == values.end() ? nullptr : &found->second;
}

using Call = RootCall; // the module block and variable are both named `name`

// Whether `producer` is where `consumer` reads the upstream module `named` from: the module
// itself, or for "environment" the environment it is deployed in (any, when it is not linked).
bool producesFor(const Call& producer, const backends::Deployment& consumer,
                 const std::string& named, const backends::ConversionModel& model) {
  const backends::Deployment& deployment = *producer.deployment;
  const ir::Module* module = model.modules.find(deployment.module);
  if (!module)
    return false;
  if (named != "environment")
    return module->name == named;
  if (consumer.environment)
    return consumer.environment->module == deployment.module &&
           consumer.environment->name == deployment.name;
  return module->kind == ir::ModuleKind::Environment;
}

// The module block of a deployment of an upstream module that declares `output`.
std::string upstreamProducer(const std::vector<Call>& calls, const backends::ConversionModel& model,
                             const backends::Deployment& consumer, const std::string& source) {
  std::size_t dot = source.find('.');
  std::string named = source.substr(0, dot);
  std::string output = source.substr(dot + 1);
  for (const Call& call : calls) {
    if (!producesFor(call, consumer, named, model))
      continue;
    auto found = call.interface->outputBySource.find(output);
    if (found != call.interface->outputBySource.end())
      return "module." + call.name + "." + found->second;
  }
  return {};
}

// The attached components as the module reads them: {default = {outputs = {...}}}, from the
// "component.X" upstream outputs; nothing without a component.
HclExprPtr componentsValue(const backends::Deployment& deployment) {
  std::vector<HclEntry> outputs;
  for (const auto& [key, value] : deployment.values.upstreamOutputs)
    if (key.starts_with("component."))
      outputs.push_back(
          HclEntry{key.substr(std::string_view("component.").size()), hclString(value.text)});
  if (outputs.empty())
    return nullptr;
  return HclExpr::object(
      {HclEntry{"default", HclExpr::object({HclEntry{"outputs", HclExpr::object(outputs)}})}});
}

// The pipeline's service instances as Proton listed them (name, inputs as strings, outputs),
// read from the calls of this root of the instance modules of the pipeline's service.
HclExprPtr instancesValue(const std::vector<Call>& calls, const backends::ConversionModel& model,
                          const backends::Deployment& pipeline) {
  std::vector<HclExprPtr> instances;
  for (const Call& call : calls) {
    const ir::Module* module = model.modules.find(call.deployment->module);
    if (!module || module->kind != ir::ModuleKind::ServiceInstance ||
        call.deployment->bundle != pipeline.bundle)
      continue;
    std::vector<HclEntry> inputs;
    for (const auto& [name, value] : call.deployment->values.inputs)
      inputs.push_back(HclEntry{name, hclString(value.text)});
    instances.push_back(
        HclExpr::object({HclEntry{"name", hclString(call.deployment->name)},
                         HclEntry{"inputs", HclExpr::object(inputs)},
                         HclEntry{"outputs", HclExpr::raw("module." + call.name)}}));
  }
  return HclExpr::tuple(std::move(instances));
}

// The module block of the service instance `name` in this root, if any.
// The module block of the service instance `name` of the pipeline's own service.
const Call* instanceCall(const std::vector<Call>& calls, const backends::ConversionModel& model,
                         const std::string& name, const backends::Deployment& pipeline) {
  for (const Call& call : calls) {
    const ir::Module* module = model.modules.find(call.deployment->module);
    if (module && module->kind == ir::ModuleKind::ServiceInstance &&
        call.deployment->name == name && call.deployment->bundle == pipeline.bundle)
      return &call;
  }
  return nullptr;
}

// One element of a list of objects with exactly the declared `fields` (Terraform converts the
// object to the variable's type only when no attribute is missing): the deployment's value of
// each, null when the spec gives none, and the instance's outputs read from its module block.
HclExprPtr elementValue(const std::vector<ir::Input>& fields, const ir::LoopElement& element,
                        const std::string& prefix, const Call* instance) {
  std::vector<HclEntry> entries;
  for (const ir::Input& field : fields) {
    std::string path = prefix + field.name;
    if (field.type == ir::InputType::Object) {
      entries.push_back(
          HclEntry{field.name, elementValue(field.fields, element, path + ".", instance)});
      continue;
    }
    if (instance && prefix == "outputs.") {
      auto output = instance->interface->outputBySource.find(field.name);
      if (output != instance->interface->outputBySource.end()) {
        entries.push_back(
            HclEntry{field.name, HclExpr::raw("module." + instance->name + "." + output->second)});
        continue;
      }
    }
    // A string field keeps the text as Proton printed it (an account ID keeps its leading 0).
    auto value = element.find(path);
    HclExprPtr given = value == element.end()                ? hclNull()
                       : field.type == ir::InputType::String ? hclString(value->second.text)
                                                             : literal(value->second.bare);
    entries.push_back(HclEntry{field.name, given});
  }
  return HclExpr::object(std::move(entries));
}

// A typed list of objects a module's loops read (service_instances of a CloudFormation
// pipeline): the deployment's elements; nullptr when the module declares no fields for it.
HclExprPtr typedCollectionValue(const ModuleInterface::Variable& variable, const Call& call,
                                const std::vector<Call>& calls,
                                const backends::ConversionModel& model) {
  const ir::Module* module = model.modules.find(call.deployment->module);
  const ir::Input* input = module ? module->findInput(variable.input) : nullptr;
  if (!input || input->fields.empty())
    return nullptr;
  auto found = call.deployment->values.collections.find(variable.input);
  std::vector<HclExprPtr> elements;
  if (found != call.deployment->values.collections.end())
    for (const ir::LoopElement& element : found->second) {
      auto name = element.find("name");
      const Call* instance = name == element.end()
                                 ? nullptr
                                 : instanceCall(calls, model, name->second.text, *call.deployment);
      elements.push_back(elementValue(input->fields, element, "", instance));
    }
  return HclExpr::tuple(std::move(elements));
}

// The value a module block gives `variable`: a module output, a constant, or the deployment's
// entry in terraform.tfvars (added to `tfvars`); nothing when the module's default applies.
HclExprPtr moduleArgument(const ModuleInterface::Variable& variable, const Call& call,
                          const std::vector<Call>& calls, const backends::ConversionModel& model,
                          std::vector<HclEntry>& tfvars) {
  const backends::Deployment& deployment = *call.deployment;
  HclExprPtr fromTfvars = HclExpr::raw("var." + call.name + "." + variable.name);
  if (variable.instances) {
    HclExprPtr typed = typedCollectionValue(variable, call, calls, model);
    return typed ? typed : instancesValue(calls, model, deployment);
  }
  if (variable.components) {
    HclExprPtr components = componentsValue(deployment);
    if (!components)
      return nullptr;
    tfvars.push_back(HclEntry{variable.name, components});
    return fromTfvars;
  }
  if (variable.stackName)
    return hclString(deployment.stackName.empty() ? deployment.name : deployment.stackName);
  const ir::BoundValue* value = nullptr;
  if (variable.upstream) {
    std::string producer = upstreamProducer(calls, model, deployment, variable.input);
    if (!producer.empty())
      return HclExpr::raw(producer);
    value = find(deployment.values.upstreamOutputs, variable.input);
  } else {
    value = find(variable.context ? deployment.values.context : deployment.values.inputs,
                 variable.input);
  }
  if (!value && !variable.required)
    return nullptr;
  // A required value nobody gave stays an empty string for the user to fill in.
  tfvars.push_back(HclEntry{variable.name, value ? literal(value->bare) : hclString("")});
  return fromTfvars;
}

} // namespace

void writeRoot(const backends::ConversionModel& model,
               const std::map<std::string, ModuleInterface>& interfaces, const std::string& folder,
               backends::OutputTree& output, ir::Diagnostics& diagnostics) {
  std::vector<Call> calls;
  std::set<std::string> used;
  for (const backends::Deployment& deployment : model.deployments) {
    auto interface = interfaces.find(deployment.module);
    if (interface == interfaces.end())
      continue;
    // Rendered mode names a module after its instance already: "svc-instance-dev", not twice.
    bool named = deployment.module.ends_with("-" + deployment.name);
    std::string base = ir::normaliseName(
        named ? deployment.module : deployment.module + "_" + deployment.name, kSnake);
    std::string name = base;
    for (int n = 2; used.count(name); ++n)
      name = base + "_" + std::to_string(n);
    used.insert(name);
    calls.push_back(Call{&deployment, &interface->second, name});
  }
  if (calls.empty())
    return;
  HclFile main, variables;
  HclBody tfvarsBody;
  for (const Call& call : calls) {
    const backends::Deployment& deployment = *call.deployment;
    HclBody& block = main.block("module", {call.name});
    block.attribute("source", hclString("../" + call.interface->folder));
    std::vector<HclEntry> tfvars, arguments;
    for (const ModuleInterface::Variable& variable : call.interface->variables)
      if (HclExprPtr argument = moduleArgument(variable, call, calls, model, tfvars))
        arguments.push_back(HclEntry{variable.name, argument});
    if (!arguments.empty())
      block.blankLine();
    for (HclEntry& argument : arguments)
      block.attribute(argument.key, argument.value);
    HclBody& declared = variables.block("variable", {call.name});
    declared.attribute("description", hclString("The inputs of the deployment " + deployment.name +
                                                " (" + deployment.module + ")."));
    declared.attribute("type", HclExpr::raw("any"));
    tfvarsBody.attribute(call.name, HclExpr::object(std::move(tfvars)));
  }
  std::string tfvars;
  tfvarsBody.print(tfvars, 0);
  output.write(folder + "/main.tf", main.print());
  output.write(folder + "/variables.tf", variables.print());
  output.write(folder + "/terraform.tfvars", tfvars);
  output.write(folder + "/versions.tf", versionsFile());
  writeAdoption(model, calls, folder, output, diagnostics);
}

} // namespace pm::tf
