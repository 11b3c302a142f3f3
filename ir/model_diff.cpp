// Comparing two module graphs.
#include "ir/model_diff.h"

#include "ir/expr_equality.h"
#include "ir/expr_text.h"
#include "ir/input_constraints.h"
#include "ir/instantiate.h"
#include "ir/type_table.h"

#include <algorithm>
#include <set>

namespace pm::ir {

namespace {

constexpr std::size_t kValueText = 60;

// The namespace Proton's templates read the module's inputs from (environment,
// service_instance, pipeline), or the kind's name (component, template).
std::string moduleLabel(const Module& module) {
  if (module.kind == ModuleKind::ServiceInstance)
    return "service_instance";
  return std::string(moduleKindName(module.kind));
}

const Module* sameKind(const ModuleGraph& graph, ModuleKind kind) {
  for (const Module& module : graph.modules())
    if (module.kind == kind)
      return &module;
  return nullptr;
}

std::string valueText(const ExprPtr& value) {
  return value ? exprText(value, kValueText) : "";
}

// Properties of a resource by name; a non-map property tree counts as one property "".
std::vector<std::pair<std::string, ExprPtr>> propertiesOf(const Resource& resource) {
  std::vector<std::pair<std::string, ExprPtr>> properties;
  if (!resource.properties)
    return properties;
  if (resource.properties->kind() != ExprKind::Map)
    return {{"", resource.properties}};
  for (const MapEntry& entry : resource.properties->entries())
    properties.emplace_back(entry.key, entry.value);
  return properties;
}

ExprPtr propertyNamed(const std::vector<std::pair<std::string, ExprPtr>>& properties,
                      const std::string& name) {
  for (const auto& [key, value] : properties)
    if (key == name)
      return value;
  return nullptr;
}

// The dotted paths at or below `path` where two values differ: maps compare key by key,
// anything else (a list, an intrinsic) as a whole.
void changedPaths(const ExprPtr& a, const ExprPtr& b, const std::string& path,
                  std::vector<std::string>& changed) {
  if (a && b && equalExprs(a, b))
    return;
  if (!a || !b || a->kind() != ExprKind::Map || b->kind() != ExprKind::Map) {
    changed.push_back(path);
    return;
  }
  std::set<std::string> keys;
  for (const MapEntry& entry : a->entries())
    keys.insert(entry.key);
  for (const MapEntry& entry : b->entries())
    keys.insert(entry.key);
  for (const std::string& key : keys) {
    const MapEntry* x = a->find(key);
    const MapEntry* y = b->find(key);
    changedPaths(x ? x->value : nullptr, y ? y->value : nullptr, path + "." + key, changed);
  }
}

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    std::size_t dot = path.find('.', start);
    parts.push_back(path.substr(start, dot - start));
    if (dot == std::string_view::npos)
      return parts;
    start = dot + 1;
  }
}

// Whether a change at `changed` touches the create-only `createOnly`: one lies inside the other
// ('*' in the create-only path matches any list item). A change to a whole list counts as
// touching every create-only path inside its items.
bool touches(const std::string& changed, std::string_view createOnly) {
  std::vector<std::string_view> a = segments(changed), b = segments(createOnly);
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
    if (a[i] != b[i] && b[i] != "*")
      return false;
  return true;
}

bool replaces(const ResourceType* type, const std::string& name, const ExprPtr& before,
              const ExprPtr& after) {
  if (!type)
    return false;
  const PropertyInfo* info = type->property(name);
  if (info && info->createOnly)
    return true;
  std::vector<std::string> changed;
  changedPaths(before, after, name, changed);
  for (std::string_view createOnly : type->nestedCreateOnlyPaths())
    for (const std::string& path : changed)
      if (touches(path, createOnly))
        return true;
  return false;
}

std::vector<PropertyChange> propertyChanges(const Resource& before, const Resource& after) {
  auto old = propertiesOf(before), now = propertiesOf(after);
  std::set<std::string> names;
  for (const auto& [name, value] : old)
    names.insert(name);
  for (const auto& [name, value] : now)
    names.insert(name);
  const ResourceType* type = TypeTable::instance().find(after.type);
  std::vector<PropertyChange> changes;
  for (const std::string& name : names) {
    ExprPtr a = propertyNamed(old, name), b = propertyNamed(now, name);
    if (a && b && equalExprs(a, b))
      continue;
    changes.push_back({name, valueText(a), valueText(b), replaces(type, name, a, b)});
  }
  return changes;
}

void compareNamedExpr(const char* what, const ExprPtr& a, const ExprPtr& b,
                      std::vector<std::string>& details) {
  if ((a || b) && !(a && b && equalExprs(a, b)))
    details.push_back(std::string(what) + ": " + (a ? valueText(a) : "(none)") + " -> " +
                      (b ? valueText(b) : "(none)"));
}

std::optional<ResourceChange> resourceChange(const std::string& module, const Resource& before,
                                             const Resource& after) {
  if (equalResources(before, after))
    return std::nullopt;
  ResourceChange change{module, after.logicalId, after.type, Change::Modified, {}, {}, false};
  if (before.type != after.type) {
    change.details.push_back("type: " + before.type + " -> " + after.type);
    change.replacement = true; // a new type is a new resource
  } else {
    change.properties = propertyChanges(before, after);
    change.replacement = std::any_of(change.properties.begin(), change.properties.end(),
                                     [](const PropertyChange& p) { return p.replaces; });
  }
  auto conditionName = [](const Resource& r) { return r.condition ? r.condition->name : ""; };
  if (conditionName(before) != conditionName(after))
    change.details.push_back("condition: " + conditionName(before) + " -> " + conditionName(after));
  compareNamedExpr("DeletionPolicy", before.deletionPolicy, after.deletionPolicy, change.details);
  compareNamedExpr("UpdateReplacePolicy", before.updateReplacePolicy, after.updateReplacePolicy,
                   change.details);
  if (change.properties.empty() && change.details.empty())
    change.details.push_back("dependencies, metadata or guards changed");
  return change;
}

void diffResources(const Module& before, const Module& after, ModelDiff& diff) {
  std::string module = moduleLabel(after);
  for (const Resource& resource : before.resources)
    if (!after.findResource(resource.logicalId))
      diff.resources.push_back(
          {module, resource.logicalId, resource.type, Change::Removed, {}, {}, false});
  for (const Resource& resource : after.resources) {
    const Resource* old = before.findResource(resource.logicalId);
    if (!old)
      diff.resources.push_back(
          {module, resource.logicalId, resource.type, Change::Added, {}, {}, false});
    else if (auto change = resourceChange(module, *old, resource))
      diff.resources.push_back(std::move(*change));
  }
}

void diffInputs(const Module& before, const Module& after, ModelDiff& diff) {
  std::string module = moduleLabel(after);
  for (const Input& input : before.inputs)
    if (!input.isContext && !after.findInput(input.name))
      diff.inputs.push_back({module,
                             input.name,
                             Change::Removed,
                             {"specs that set it keep a value nothing reads"},
                             false});
  for (const Input& input : after.inputs) {
    if (input.isContext)
      continue;
    const Input* old = before.findInput(input.name);
    if (!old) {
      bool breaking = input.required && !input.defaultValue;
      diff.inputs.push_back({module,
                             input.name,
                             Change::Added,
                             {breaking ? "required without a default: specs without it are "
                                         "rejected"
                                       : "optional"},
                             breaking});
      continue;
    }
    InputComparison comparison = compareInputs(*old, input);
    if (!comparison.details.empty())
      diff.inputs.push_back(
          {module, input.name, Change::Modified, comparison.details, comparison.breaking});
  }
}

// Who reads `output` of `module` through an upstream reference, in `graph`.
std::vector<std::string> readersOf(const ModuleGraph& graph, const Module& module,
                                   const std::string& output) {
  std::vector<std::string> readers;
  for (const Module& reader : graph.modules()) {
    bool reads = false;
    walkModuleExprs(reader, [&](const Expr& node) {
      reads = reads || (node.kind() == ExprKind::UpstreamOutputRef &&
                        node.upstreamOutput().module == module.name &&
                        node.upstreamOutput().output == output);
      return !reads;
    });
    if (reads)
      readers.push_back(moduleLabel(reader));
  }
  if (module.kind == ModuleKind::Environment)
    readers.push_back("services deployed in the environment that read environment.outputs." +
                      output);
  if (module.kind == ModuleKind::Component)
    readers.push_back("service instances that read service_instance.components.default.outputs." +
                      output);
  return readers;
}

void diffOutputs(const ModuleGraph& graph, const Module& before, const Module& after,
                 ModelDiff& diff) {
  std::string module = moduleLabel(after);
  for (const Output& output : before.outputs)
    if (!after.findOutput(output.name))
      diff.outputs.push_back(
          {module, output.name, Change::Removed, readersOf(graph, before, output.name)});
  for (const Output& output : after.outputs) {
    const Output* old = before.findOutput(output.name);
    if (!old)
      diff.outputs.push_back({module, output.name, Change::Added, {}});
    else if (!equalOutputs(*old, output))
      diff.outputs.push_back({module, output.name, Change::Modified, {}});
  }
}

} // namespace

const char* changeName(Change change) {
  switch (change) {
  case Change::Added:
    return "added";
  case Change::Removed:
    return "removed";
  case Change::Modified:
    break;
  }
  return "modified";
}

bool ModelDiff::breaking() const {
  return std::any_of(inputs.begin(), inputs.end(),
                     [](const InputChange& c) { return c.breaking; }) ||
         std::any_of(resources.begin(), resources.end(),
                     [](const ResourceChange& c) {
                       return c.replacement || c.change == Change::Removed;
                     }) ||
         std::any_of(outputs.begin(), outputs.end(), [](const OutputChange& c) {
           return c.change == Change::Removed && !c.consumers.empty();
         });
}

ModelDiff diffModels(const ModuleGraph& before, const ModuleGraph& after) {
  ModelDiff diff;
  for (ModuleKind kind : {ModuleKind::Environment, ModuleKind::ServiceInstance,
                          ModuleKind::Pipeline, ModuleKind::Component, ModuleKind::Template}) {
    const Module* old = sameKind(before, kind);
    const Module* now = sameKind(after, kind);
    if (!old && !now)
      continue;
    Module emptyOfKind; // a part the other version does not have
    emptyOfKind.kind = kind;
    const Module& a = old ? *old : emptyOfKind;
    const Module& b = now ? *now : emptyOfKind;
    diffInputs(a, b, diff);
    diffResources(a, b, diff);
    diffOutputs(before, a, b, diff);
  }
  return diff;
}

} // namespace pm::ir
