// Checking and recording which upstream module output every UpstreamOutputRef reads.
#include "ir/passes/bind_upstream_outputs.h"

#include "ir/thread_pool.h"

#include <fmt/format.h>

#include <unordered_map>

namespace pm::ir {

const UpstreamBinding* UpstreamBindings::find(std::string_view consumer,
                                              const SourceLocation& location) const {
  for (const UpstreamBinding& binding : bindings)
    if (binding.consumer == consumer && binding.location == location)
      return &binding;
  return nullptr;
}

std::vector<const Module*> producingModules(const ModuleGraph& graph, const Module& consumer,
                                            std::string_view namedModule) {
  if (const Module* named = graph.find(namedModule); named && named != &consumer)
    return {named};
  std::vector<const Module*> producers;
  for (const std::string& name : consumer.upstreamModules)
    if (const Module* upstream = graph.find(name))
      producers.push_back(upstream);
  return producers;
}

namespace {

// Every expression of a module that is evaluated at deploy time and may read an upstream output.
std::vector<ExprPtr> moduleExpressions(const Module& module) {
  std::vector<ExprPtr> roots;
  for (const Input& input : module.inputs)
    roots.push_back(input.defaultValue);
  for (const Resource& resource : module.resources)
    for (const ExprPtr& root :
         {resource.properties, resource.deletionPolicy, resource.updateReplacePolicy,
          resource.updatePolicy, resource.creationPolicy, resource.metadata})
      roots.push_back(root);
  for (const Output& output : module.outputs) {
    roots.push_back(output.value);
    roots.push_back(output.exportName);
  }
  for (const Condition& condition : module.conditions)
    roots.push_back(condition.expression);
  return roots;
}

std::vector<const Expr*> upstreamReferences(const Module& module) {
  std::vector<const Expr*> references;
  for (const ExprPtr& root : moduleExpressions(module))
    walkExpr(root, [&](const Expr& node) {
      if (node.kind() == ExprKind::UpstreamOutputRef)
        references.push_back(&node);
      return node.kind() != ExprKind::Unsupported; // reported when it was read
    });
  return references;
}

std::string_view templateWord(ModuleKind kind) {
  switch (kind) {
  case ModuleKind::Environment:
    return "environment template";
  case ModuleKind::ServiceInstance:
    return "service instance template";
  default:
    return "template";
  }
}

void checkProducer(const Module& producer, const Expr& reference, UpstreamBinding& binding,
                   Diagnostics& diagnostics) {
  const std::string& name = binding.output;
  const Output* output = producer.findOutput(name);
  if (!output) {
    Diagnostic& error = diagnostics.error(
        kMissingUpstreamOutputRule, reference.location(),
        fmt::format("output '{}' is read here but {} '{}' does not produce it; add an Output "
                    "named '{}' to it or stop reading it",
                    name, templateWord(producer.kind), producer.name, name));
    error.notes.push_back({kMissingUpstreamOutputRule,
                           Severity::Note,
                           fmt::format("'{}' is declared here", producer.name),
                           producer.location,
                           {}});
    return;
  }
  binding.producers.push_back({producer.name, output->name, output->location});
  if (output->condition)
    diagnostics.warning(kMissingUpstreamOutputRule, reference.location(),
                        fmt::format("output '{}' of '{}' exists only when condition '{}' is true; "
                                    "this read fails when it is absent",
                                    name, producer.name, output->condition->name));
}

void bindModule(const ModuleGraph& graph, const Module& consumer,
                const std::vector<const Expr*>& references, Diagnostics& diagnostics,
                UpstreamBindings& bindings) {
  for (const Expr* reference : references) {
    const UpstreamOutput& target = reference->upstreamOutput();
    UpstreamBinding binding{consumer.name, target.module, target.output, reference->location(), {}};
    for (const Module* producer : producingModules(graph, consumer, target.module))
      checkProducer(*producer, *reference, binding, diagnostics);
    bindings.bindings.push_back(std::move(binding));
  }
}

bool reportCycle(const ModuleGraph& graph, Diagnostics& diagnostics) {
  std::vector<std::string> cycle = graph.findCycle();
  if (cycle.empty())
    return false;
  const Module* first = graph.find(cycle.front());
  diagnostics.error(kModuleCycleRule, first ? first->location : SourceLocation{},
                    fmt::format("modules read each other's outputs in a cycle ({}); no deployment "
                                "order exists",
                                fmt::join(cycle, " -> ")));
  return true;
}

} // namespace

void runBindUpstreamOutputs(ModuleGraph& graph, Diagnostics& diagnostics,
                            UpstreamBindings& bindings, unsigned threads) {
  // Finding the references walks every expression: each module on the pool. Binding them is
  // cheap and goes in topological order.
  const std::deque<Module>& modules = graph.modules();
  std::vector<std::vector<const Expr*>> references(modules.size());
  std::unordered_map<const Module*, std::size_t> slots;
  for (std::size_t index = 0; index < modules.size(); ++index)
    slots.emplace(&modules[index], index);
  runJobs(modules.size(), threads,
          [&](std::size_t index) { references[index] = upstreamReferences(modules[index]); });
  // Modules on a cycle are left out of the topological order: they were reported instead.
  reportCycle(graph, diagnostics);
  for (const Module* module : graph.topologicalOrder())
    bindModule(graph, *module, references[slots.at(module)], diagnostics, bindings);
}

void runBindUpstreamOutputs(ModuleGraph& graph, Diagnostics& diagnostics) {
  UpstreamBindings discarded;
  runBindUpstreamOutputs(graph, diagnostics, discarded);
}

} // namespace pm::ir
