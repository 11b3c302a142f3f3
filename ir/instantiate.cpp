// Instantiating parametric modules, and the tree rewriting it is built on.
#include "ir/instantiate.h"

#include "ir/guard_evaluation.h"
#include "ir/loop_expansion.h"

#include <optional>

namespace pm::ir {

namespace {

// The children mapped, and whether any came back as another node.
struct MappedChildren {
  std::vector<ExprPtr> nodes;
  bool changed = false;
};

// `child(item)` of each item mapped.
template <typename Item, typename Child>
MappedChildren mapEach(const std::vector<Item>& items, const ExprMap& map, Child child) {
  MappedChildren mapped;
  mapped.nodes.reserve(items.size());
  for (const Item& item : items) {
    mapped.nodes.push_back(map(child(item)));
    mapped.changed = mapped.changed || mapped.nodes.back() != child(item);
  }
  return mapped;
}

MappedChildren mapAll(const std::vector<ExprPtr>& items, const ExprMap& map) {
  return mapEach(items, map, [](const ExprPtr& item) -> const ExprPtr& { return item; });
}

MappedChildren mapValues(const std::vector<MapEntry>& entries, const ExprMap& map) {
  return mapEach(entries, map, [](const MapEntry& entry) -> const ExprPtr& { return entry.value; });
}

std::vector<MapEntry> withValues(std::vector<MapEntry> entries, MappedChildren& values) {
  for (std::size_t index = 0; index < entries.size(); ++index)
    entries[index].value = std::move(values.nodes[index]);
  return entries;
}

} // namespace

// A node whose children all map to themselves is returned as it is: most rewrites change a few
// nodes of a large tree, and rebuilding the rest was most of their cost.
ExprPtr mapChildren(const ExprPtr& node, const ExprMap& map) {
  if (!node)
    return node;
  const SourceLocation& at = node->location();
  switch (node->kind()) {
  case ExprKind::List: {
    MappedChildren items = mapAll(node->items(), map);
    return items.changed ? Expr::list(std::move(items.nodes), at) : node;
  }
  case ExprKind::Map: {
    MappedChildren values = mapValues(node->entries(), map);
    return values.changed ? Expr::map(withValues(node->entries(), values), at) : node;
  }
  case ExprKind::GetAtt: {
    const ExprPtr& attribute = node->getAtt().attributeExpr;
    ExprPtr mapped = attribute ? map(attribute) : nullptr;
    if (mapped == attribute)
      return node;
    GetAttTarget target = node->getAtt();
    target.attributeExpr = std::move(mapped);
    return Expr::getAtt(std::move(target), at);
  }
  case ExprKind::Sub: {
    MappedChildren values = mapValues(node->sub().variables, map);
    if (!values.changed)
      return node;
    SubTemplate sub = node->sub();
    sub.variables = withValues(std::move(sub.variables), values);
    return Expr::sub(std::move(sub), at);
  }
  case ExprKind::If:
  case ExprKind::Guarded:
  case ExprKind::ForEach: {
    MappedChildren operands = mapAll(node->arguments(), map);
    if (!operands.changed)
      return node;
    auto make = node->kind() == ExprKind::If        ? &Expr::ifThen
                : node->kind() == ExprKind::Guarded ? &Expr::guarded
                                                    : &Expr::forEach;
    return make(node->name(), operands.nodes[0], operands.nodes[1], at);
  }
  case ExprKind::Unsupported: {
    const ExprPtr& original = node->unsupported().original;
    ExprPtr mapped = original ? map(original) : nullptr;
    if (mapped == original)
      return node;
    UnsupportedConstruct construct = node->unsupported();
    construct.original = std::move(mapped);
    return Expr::unsupported(std::move(construct), at);
  }
  case ExprKind::String:
  case ExprKind::Number:
  case ExprKind::Bool:
  case ExprKind::Null:
  case ExprKind::Ref:
  case ExprKind::Condition:
  case ExprKind::DynamicReference:
  case ExprKind::InputRef:
  case ExprKind::ContextRef:
  case ExprKind::UpstreamOutputRef:
  case ExprKind::LoopItemRef:
    return node;
  default: { // Join..Transform, Defined
    MappedChildren arguments = mapAll(node->arguments(), map);
    return arguments.changed ? Expr::call(node->kind(), std::move(arguments.nodes), at) : node;
  }
  }
}

namespace {

// Calls apply(slot) for every top-level expression slot of a resource or module, const or not,
// so rewriting and read-only walks list the same slots.
template <typename ResourceType, typename Apply>
void forEachResourceSlot(ResourceType& resource, const Apply& apply) {
  apply(resource.properties);
  apply(resource.deletionPolicy);
  apply(resource.updateReplacePolicy);
  apply(resource.updatePolicy);
  apply(resource.creationPolicy);
  apply(resource.metadata);
  for (auto& entry : resource.otherAttributes)
    apply(entry.value);
}

template <typename ModuleType, typename Apply>
void forEachModuleSlot(ModuleType& module, const Apply& apply) {
  apply(module.metadata);
  for (auto& input : module.inputs) {
    apply(input.defaultValue);
    for (auto& allowed : input.allowedValues)
      apply(allowed);
  }
  for (auto& resource : module.resources)
    forEachResourceSlot(resource, apply);
  for (auto& output : module.outputs) {
    apply(output.value);
    apply(output.exportName);
  }
  for (auto& guard : module.guards)
    apply(guard.condition);
  for (auto& resource : module.resources)
    if (resource.loop)
      apply(resource.loop->collection);
  for (auto& condition : module.conditions)
    apply(condition.expression);
  for (auto& mapping : module.mappings)
    apply(mapping.entries);
  for (auto& entry : module.otherSections)
    apply(entry.value);
}

} // namespace

void mapResourceExprs(Resource& resource, const ExprMap& map) {
  forEachResourceSlot(resource, [&](ExprPtr& expr) {
    if (expr)
      expr = map(expr);
  });
}

void mapModuleExprs(Module& module, const ExprMap& map) {
  forEachModuleSlot(module, [&](ExprPtr& expr) {
    if (expr)
      expr = map(expr);
  });
}

void walkResourceExprs(const Resource& resource, const ExprVisit& visit) {
  forEachResourceSlot(resource, [&](const ExprPtr& expr) { walkExpr(expr, visit); });
}

void walkModuleExprs(const Module& module, const ExprVisit& visit) {
  forEachModuleSlot(module, [&](const ExprPtr& expr) { walkExpr(expr, visit); });
}

std::string subSource(const std::vector<SubPart>& parts) {
  std::string source;
  for (const SubPart& part : parts) {
    if (part.kind == SubPart::Kind::Text)
      source += part.text;
    else if (part.kind == SubPart::Kind::EscapedVariable)
      source += "${!" + part.text + "}";
    else
      source += "${" + part.name + (part.attribute.empty() ? "" : "." + part.attribute) + "}";
  }
  return source;
}

bool isConcatenation(const SubTemplate& sub) {
  return sub.source.empty() && !sub.parts.empty();
}

const BoundValue* boundValue(const Expr& expr, const InputValues& values) {
  const std::map<std::string, BoundValue>* table = nullptr;
  std::string key;
  switch (expr.kind()) {
  case ExprKind::InputRef:
    table = &values.inputs, key = expr.name();
    break;
  case ExprKind::ContextRef:
    table = &values.context, key = expr.name();
    break;
  case ExprKind::UpstreamOutputRef:
    table = &values.upstreamOutputs;
    key = expr.upstreamOutput().module + "." + expr.upstreamOutput().output;
    break;
  case ExprKind::LoopItemRef:
    table = &values.loopItems, key = expr.name();
    break;
  default:
    return nullptr;
  }
  auto found = table->find(key);
  return found == table->end() ? nullptr : &found->second;
}

namespace {

// Adjacent text parts joined, as a reader splits a Sub string.
std::vector<SubPart> mergeText(std::vector<SubPart> parts) {
  std::vector<SubPart> merged;
  for (SubPart& part : parts) {
    if (part.kind == SubPart::Kind::Text && part.text.empty())
      continue;
    if (part.kind == SubPart::Kind::Text && !merged.empty() &&
        merged.back().kind == SubPart::Kind::Text)
      merged.back().text += part.text;
    else
      merged.push_back(std::move(part));
  }
  return merged;
}

// The text of a concatenation without variables: ${!X} parts were literal "${X}" text.
std::optional<std::string> literalText(const std::vector<SubPart>& parts) {
  std::string text;
  for (const SubPart& part : parts) {
    if (part.kind == SubPart::Kind::Variable)
      return std::nullopt;
    text += part.kind == SubPart::Kind::Text ? part.text : "${" + part.text + "}";
  }
  return text;
}

ExprPtr instantiateSub(const Expr& node, const InputValues& values) {
  SubTemplate sub = node.sub();
  bool concatenation = isConcatenation(sub);
  std::map<std::string, std::string> folded;
  std::vector<MapEntry> kept;
  for (const MapEntry& entry : sub.variables) {
    const BoundValue* bound = entry.value ? boundValue(*entry.value, values) : nullptr;
    if (bound)
      folded[entry.key] = bound->text;
    else
      kept.push_back({entry.key, entry.keyLocation, instantiate(entry.value, values)});
  }
  sub.variables = std::move(kept);
  if (folded.empty()) // nothing bound: the Sub stays what it was (a concatenation stays one)
    return Expr::sub(std::move(sub), node.location());
  for (SubPart& part : sub.parts)
    if (part.kind == SubPart::Kind::Variable && part.attribute.empty() && folded.count(part.name))
      part = SubPart{SubPart::Kind::Text, folded[part.name], "", "", part.location};
  sub.parts = mergeText(std::move(sub.parts));
  if (concatenation && sub.variables.empty())
    if (auto text = literalText(sub.parts))
      return Expr::string(*text, node.location());
  // Partly bound (a loop element's values only), a concatenation stays one.
  sub.source = concatenation ? std::string() : subSource(sub.parts);
  sub.listForm = sub.listForm && !sub.variables.empty();
  return Expr::sub(std::move(sub), node.location());
}

} // namespace

std::string collectionKey(const Expr& reference) {
  if (reference.kind() == ExprKind::ContextRef)
    return reference.name();
  if (reference.kind() == ExprKind::InputRef)
    return "inputs." + reference.name();
  return {};
}

ExprPtr instantiate(const ExprPtr& expr, const InputValues& values) {
  if (!expr)
    return expr;
  if (const BoundValue* bound = boundValue(*expr, values))
    return bound->bare;
  if (expr->kind() == ExprKind::Sub)
    return instantiateSub(*expr, values);
  if (expr->kind() == ExprKind::List)
    return instantiateItems(expr, values);
  ExprPtr named = values.loopItems.empty() ? expr : withLoopNames(expr, values.loopItems);
  return mapChildren(named, [&](const ExprPtr& child) { return instantiate(child, values); });
}

namespace {

// Drops the elements whose guards are known not to hold; clears the guards known to hold.
template <typename Element>
void keepGuarded(std::vector<Element>& elements, const std::map<std::string, bool>& guards) {
  std::vector<Element> kept;
  for (Element& element : elements) {
    auto holds = guardsHold(element.guards, guards);
    if (holds && !*holds)
      continue;
    std::erase_if(element.guards, [&](const Guard& guard) { return guards.count(guard.variable); });
    kept.push_back(std::move(element));
  }
  elements = std::move(kept);
}

} // namespace

Module instantiate(const Module& module, const InputValues& values) {
  Module bound = module;
  std::map<std::string, bool> guards = evaluateGuards(module, values);
  keepGuarded(bound.resources, guards);
  keepGuarded(bound.outputs, guards);
  expandResourceLoops(bound, values, [&](const ExprPtr& expr, const InputValues& element) {
    return instantiate(resolveGuards(expr, guards), element);
  });
  std::erase_if(bound.guards, [&](const GuardVariable& guard) { return guards.count(guard.name); });
  mapModuleExprs(
      bound, [&](const ExprPtr& expr) { return instantiate(resolveGuards(expr, guards), values); });
  return bound;
}

} // namespace pm::ir
