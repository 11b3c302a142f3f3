// Loop guard variables -> ForEach list items and looped resources.
#include "frontend/parametric/loop_lifting.h"

#include "frontend/parametric/symbolic_context.h"
#include "ir/guard_evaluation.h"
#include "ir/instantiate.h"

#include <algorithm>

namespace pm::frontend {

namespace {

using ir::ExprKind;
using ir::ExprPtr;

class LoopLifter {
public:
  LoopLifter(const std::map<std::string, LoopDeclaration>& loops, LoopFailures& failures)
      : loops_(loops), failures_(failures) {}

  void liftResources(ir::Module& module) {
    for (ir::Resource& resource : module.resources) {
      auto guard = std::find_if(resource.guards.begin(), resource.guards.end(),
                                [&](const ir::Guard& g) { return loops_.count(g.variable); });
      if (guard == resource.guards.end())
        continue;
      const LoopDeclaration& loop = loops_.at(guard->variable);
      resource.loop = ir::ResourceLoop{loop.site.variable, collectionOf(loop), loop.location};
      resource.guards.erase(guard);
      for (const ir::Guard& other : resource.guards)
        if (loops_.count(other.variable))
          fail(other.variable, "a resource inside two loops");
    }
  }

  void checkOutputs(const ir::Module& module) {
    for (const ir::Output& output : module.outputs)
      for (const ir::Guard& guard : output.guards)
        if (loops_.count(guard.variable))
          fail(guard.variable, "an output repeated per element (output names cannot vary)");
  }

  // `node` with every loop difference inside it made a loop node.
  ExprPtr liftAny(const ExprPtr& node) {
    if (!node)
      return node;
    if (node->kind() == ExprKind::List)
      return liftList(node);
    if (node->kind() == ExprKind::Guarded && loops_.count(node->name()))
      return liftWholeList(node);
    return ir::mapChildren(node, [this](const ExprPtr& child) { return liftAny(child); });
  }

private:
  ExprPtr collectionOf(const LoopDeclaration& loop) const {
    return referenceFor(loop.site.collection, loop.location);
  }

  void fail(const std::string& variable, const std::string& why) {
    failures_.try_emplace(loops_.at(variable).key, why);
  }

  ExprPtr forEach(const std::string& variable, const ExprPtr& item) {
    const LoopDeclaration& loop = loops_.at(variable);
    return ir::Expr::forEach(loop.site.variable, collectionOf(loop), liftAny(item), loop.location);
  }

  // A list the loop alone writes (the base render, with no element, left the key empty).
  ExprPtr liftWholeList(const ExprPtr& node) {
    const ExprPtr& once = node->arguments()[0];
    const ExprPtr& none = node->arguments()[1];
    bool emptyWithout = !none || ir::isNoValue(none) || none->kind() == ExprKind::Null;
    if (!emptyWithout || once->kind() != ExprKind::List || once->items().size() != 1) {
      fail(node->name(), "the loop writes something other than list items or resources");
      return node;
    }
    return ir::Expr::list({forEach(node->name(), once->items()[0])}, node->location());
  }

  ExprPtr liftList(const ExprPtr& list) {
    std::vector<ExprPtr> items;
    const std::vector<ExprPtr>& original = list->items();
    for (std::size_t i = 0; i < original.size(); ++i) {
      const ExprPtr& item = original[i];
      if (item->kind() != ExprKind::Guarded || !loops_.count(item->name())) {
        items.push_back(liftAny(item));
        continue;
      }
      bool single = i + 1 == original.size() || original[i + 1]->kind() != ExprKind::Guarded ||
                    original[i + 1]->name() != item->name();
      if (!single || !isNoValue(item->arguments()[1]))
        fail(item->name(), "each element writes several list items");
      items.push_back(forEach(item->name(), item->arguments()[0]));
    }
    return ir::Expr::list(std::move(items), list->location());
  }

private:
  const std::map<std::string, LoopDeclaration>& loops_;
  LoopFailures& failures_;
};

} // namespace

void liftLoops(ir::Module& module, const std::map<std::string, LoopDeclaration>& loops,
               LoopFailures& failures) {
  if (loops.empty())
    return;
  LoopLifter lifter(loops, failures);
  lifter.liftResources(module);
  lifter.checkOutputs(module);
  ir::mapModuleExprs(module, [&](const ExprPtr& expr) { return lifter.liftAny(expr); });
}

} // namespace pm::frontend
