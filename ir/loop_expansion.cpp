// Loops of a parametric module, expanded for known lists.
#include "ir/loop_expansion.h"

#include <algorithm>

namespace pm::ir {

namespace {

BoundValue counter(std::int64_t value) {
  std::string text = std::to_string(value);
  return {text, Expr::number(text, static_cast<double>(value), {}), value != 0};
}

BoundValue flag(bool value) {
  return {value ? "True" : "False", Expr::boolean(value, {}), value};
}

const std::vector<LoopElement>* elementsOf(const Expr& collection, const InputValues& values) {
  auto found = values.collections.find(collectionKey(collection));
  return found == values.collections.end() ? nullptr : &found->second;
}

} // namespace

InputValues elementValues(const InputValues& values, const std::string& variable,
                          const std::vector<LoopElement>& elements, std::size_t index) {
  InputValues scoped = values;
  for (const auto& [path, value] : elements[index])
    scoped.loopItems[path.empty() ? variable : variable + "." + path] = value;
  auto i = static_cast<std::int64_t>(index);
  auto count = static_cast<std::int64_t>(elements.size());
  scoped.loopItems["loop.index"] = counter(i + 1);
  scoped.loopItems["loop.index0"] = counter(i);
  scoped.loopItems["loop.revindex"] = counter(count - i);
  scoped.loopItems["loop.revindex0"] = counter(count - i - 1);
  scoped.loopItems["loop.length"] = counter(count);
  scoped.loopItems["loop.first"] = flag(i == 0);
  scoped.loopItems["loop.last"] = flag(i == count - 1);
  return scoped;
}

std::string withLoopValues(const std::string& name,
                           const std::map<std::string, BoundValue>& loopItems) {
  std::string result;
  std::size_t from = 0;
  for (std::size_t open; (open = name.find("${", from)) != std::string::npos;) {
    std::size_t close = name.find('}', open);
    if (close == std::string::npos)
      break;
    auto found = loopItems.find(name.substr(open + 2, close - open - 2));
    result += name.substr(from, open - from);
    result += found == loopItems.end() ? name.substr(open, close + 1 - open) : found->second.text;
    from = close + 1;
  }
  return result + name.substr(from);
}

ExprPtr withLoopNames(const ExprPtr& node, const std::map<std::string, BoundValue>& loopItems) {
  if (node->kind() == ExprKind::Ref && node->name().find("${") != std::string::npos)
    return Expr::ref(withLoopValues(node->name(), loopItems), node->location());
  if (node->kind() == ExprKind::GetAtt &&
      node->getAtt().logicalId.find("${") != std::string::npos) {
    GetAttTarget target = node->getAtt();
    target.logicalId = withLoopValues(target.logicalId, loopItems);
    return Expr::getAtt(std::move(target), node->location());
  }
  return node;
}

ExprPtr instantiateItems(const ExprPtr& list, const InputValues& values) {
  std::vector<ExprPtr> items;
  for (const ExprPtr& item : list->items()) {
    const std::vector<LoopElement>* elements =
        item->kind() == ExprKind::ForEach ? elementsOf(*item->arguments()[0], values) : nullptr;
    if (!elements) {
      items.push_back(instantiate(item, values));
      continue;
    }
    for (std::size_t i = 0; i < elements->size(); ++i)
      items.push_back(
          instantiate(item->arguments()[1], elementValues(values, item->name(), *elements, i)));
  }
  return Expr::list(std::move(items), list->location());
}

void expandResourceLoops(Module& module, const InputValues& values,
                         const ElementInstantiation& instantiateIn) {
  std::vector<Resource> expanded;
  for (Resource& resource : module.resources) {
    const std::vector<LoopElement>* elements =
        resource.loop ? elementsOf(*resource.loop->collection, values) : nullptr;
    if (!elements) {
      expanded.push_back(std::move(resource));
      continue;
    }
    for (std::size_t i = 0; i < elements->size(); ++i) {
      InputValues element = elementValues(values, resource.loop->variable, *elements, i);
      Resource copy = resource;
      copy.loop.reset();
      copy.logicalId = withLoopValues(copy.logicalId, element.loopItems);
      for (LocatedName& dependency : copy.dependsOn)
        dependency.name = withLoopValues(dependency.name, element.loopItems);
      mapResourceExprs(copy, [&](const ExprPtr& expr) { return instantiateIn(expr, element); });
      expanded.push_back(std::move(copy));
    }
  }
  module.resources = std::move(expanded);
}

std::vector<SourceLocation> expandLoops(Module& module, const InputValues& values) {
  std::vector<SourceLocation> expanded;
  auto note = [&](const SourceLocation& location) {
    if (std::find(expanded.begin(), expanded.end(), location) == expanded.end())
      expanded.push_back(location);
  };
  InputValues listsOnly;
  listsOnly.collections = values.collections;
  for (const Resource& resource : module.resources)
    if (resource.loop && elementsOf(*resource.loop->collection, listsOnly))
      note(resource.loop->location);
  walkModuleExprs(module, [&](const Expr& node) {
    if (node.kind() == ExprKind::ForEach && elementsOf(*node.arguments()[0], listsOnly))
      note(node.location());
    return true;
  });
  if (expanded.empty())
    return expanded;
  expandResourceLoops(module, listsOnly, [](const ExprPtr& expr, const InputValues& element) {
    return instantiate(expr, element);
  });
  mapModuleExprs(module, [&](const ExprPtr& expr) { return instantiate(expr, listsOnly); });
  return expanded;
}

} // namespace pm::ir
