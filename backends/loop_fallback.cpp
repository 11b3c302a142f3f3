// Per-deployment expansion of the loops a target cannot write.
#include "backends/loop_fallback.h"

#include "ir/loop_expansion.h"

#include <set>

namespace pm::backends {

namespace {

// `values` with only the lists whose loops must be expanded.
ir::InputValues withoutSupportedLists(ir::InputValues values, const LoopSupport& supports) {
  std::erase_if(values.collections,
                [&](const auto& collection) { return supports(collection.first); });
  return values;
}

// The deployments of `module`, by index into the model's list.
std::vector<std::size_t> deploymentsOf(const ConversionModel& model, const std::string& module) {
  std::vector<std::size_t> found;
  for (std::size_t index = 0; index < model.deployments.size(); ++index)
    if (model.deployments[index].module == module)
      found.push_back(index);
  return found;
}

void reportExpanded(const std::vector<ir::SourceLocation>& loops, std::string_view target,
                    ir::Diagnostics& diagnostics) {
  ir::Diagnostics found;
  for (const ir::SourceLocation& loop : loops)
    found.warning("MIG008", loop,
                  "the " + std::string(target) +
                      " target cannot loop over this list: the loop is expanded for the spec's "
                      "elements");
  diagnostics.appendUnreported(found);
}

// The list a loop iterated is no input of the expanded module unless something else reads it.
void dropUnreadContextInputs(ir::Module& module) {
  std::set<std::string> read;
  ir::walkModuleExprs(module, [&](const ir::Expr& node) {
    if (node.kind() == ir::ExprKind::ContextRef)
      read.insert(node.name());
    return true;
  });
  std::erase_if(module.inputs, [&](const ir::Input& input) {
    return input.isContext && input.itemType == ir::InputType::Object && !read.count(input.name);
  });
}

} // namespace

bool isInputCollection(const std::string& collectionKey) {
  return collectionKey.starts_with("inputs.");
}

ConversionModel withUnsupportedLoopsExpanded(const ConversionModel& model,
                                             const LoopSupport& supports, std::string_view target,
                                             ir::Diagnostics& diagnostics) {
  ConversionModel result = model;
  result.modules = {};
  bool anyExpanded = false;
  for (const ir::Module& module : model.modules.modules()) {
    std::vector<std::size_t> deployments = deploymentsOf(model, module.name);
    if (deployments.empty()) {
      result.modules.add(module);
      continue;
    }
    bool split = false;
    for (std::size_t index : deployments) {
      Deployment& deployment = result.deployments[index];
      ir::Module expanded = module;
      auto loops = ir::expandLoops(expanded, withoutSupportedLists(deployment.values, supports));
      reportExpanded(loops, target, diagnostics);
      if (!loops.empty())
        dropUnreadContextInputs(expanded);
      anyExpanded = anyExpanded || !loops.empty();
      split = split || (!loops.empty() && deployments.size() > 1);
      if (split) {
        expanded.name = module.name + "-" + deployment.name;
        deployment.module = expanded.name;
      }
      if (split || index == deployments.front())
        result.modules.add(std::move(expanded));
    }
  }
  if (!anyExpanded)
    return result; // the modules as the passes left them: running them again changes nothing
  ir::Diagnostics again;
  ir::runPasses(result.modules, again, result.passes);
  diagnostics.appendUnreported(again);
  return result;
}

} // namespace pm::backends
