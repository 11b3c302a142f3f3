// Evaluating guard conditions with Python's meaning over printed values.
#include "ir/guard_evaluation.h"

#include <cstdlib>

namespace pm::ir {

namespace {

// Python == between a value (as printed) and a literal of the condition.
bool equalsLiteral(const BoundValue& value, const Expr& literal) {
  switch (literal.kind()) {
  case ExprKind::String:
    return value.text == literal.text();
  case ExprKind::Bool:
    return value.text == (literal.boolean() ? "True" : "False");
  case ExprKind::Null:
    return value.text == "None";
  case ExprKind::Number: {
    char* end = nullptr;
    double number = std::strtod(value.text.c_str(), &end);
    return end && *end == '\0' && !value.text.empty() && number == literal.number().value;
  }
  default:
    return false;
  }
}

std::optional<bool> all(const std::vector<ExprPtr>& operands, const InputValues& values,
                        bool isAnd) {
  bool unknown = false;
  for (const ExprPtr& operand : operands) {
    auto holds = evaluateCondition(operand, values);
    if (!holds)
      unknown = true;
    else if (*holds != isAnd)
      return !isAnd;
  }
  if (unknown)
    return std::nullopt;
  return isAnd;
}

} // namespace

std::optional<bool> evaluateCondition(const ExprPtr& condition, const InputValues& values) {
  if (!condition)
    return std::nullopt;
  switch (condition->kind()) {
  case ExprKind::InputRef:
  case ExprKind::ContextRef:
  case ExprKind::UpstreamOutputRef:
    if (const BoundValue* value = boundValue(*condition, values))
      return value->truth;
    return std::nullopt;
  case ExprKind::Equals: {
    const Expr& reference = *condition->arguments()[0];
    if (const BoundValue* value = boundValue(reference, values))
      return equalsLiteral(*value, *condition->arguments()[1]);
    return std::nullopt;
  }
  case ExprKind::Defined:
    return boundValue(*condition->arguments()[0], values) != nullptr;
  case ExprKind::Not:
    if (auto holds = evaluateCondition(condition->arguments()[0], values))
      return !*holds;
    return std::nullopt;
  case ExprKind::And:
    return all(condition->arguments(), values, true);
  case ExprKind::Or:
    return all(condition->arguments(), values, false);
  default:
    return std::nullopt;
  }
}

std::map<std::string, bool> evaluateGuards(const Module& module, const InputValues& values) {
  std::map<std::string, bool> known;
  for (const GuardVariable& guard : module.guards)
    if (auto holds = evaluateCondition(guard.condition, values))
      known[guard.name] = *holds;
  return known;
}

bool isNoValue(const ExprPtr& expr) {
  return expr && expr->kind() == ExprKind::Ref && expr->name() == "AWS::NoValue";
}

namespace {

// The branch a known guard picks, through nested Guarded nodes; null when it leaves the node out.
ExprPtr chosen(const ExprPtr& expr, const std::map<std::string, bool>& guards, bool& removed) {
  ExprPtr current = expr;
  removed = false;
  while (current && current->kind() == ExprKind::Guarded) {
    auto value = guards.find(current->name());
    if (value == guards.end())
      return current;
    current = current->arguments()[value->second ? 0 : 1];
    if (isNoValue(current)) {
      removed = true;
      return nullptr;
    }
  }
  return current;
}

} // namespace

ExprPtr resolveGuards(const ExprPtr& expr, const std::map<std::string, bool>& guards) {
  bool removed = false;
  ExprPtr node = chosen(expr, guards, removed);
  if (!node)
    return nullptr;
  if (node->kind() == ExprKind::List) {
    std::vector<ExprPtr> items;
    for (const ExprPtr& item : node->items())
      if (ExprPtr kept = resolveGuards(item, guards))
        items.push_back(kept);
    return Expr::list(std::move(items), node->location());
  }
  if (node->kind() == ExprKind::Map) {
    std::vector<MapEntry> entries;
    for (const MapEntry& entry : node->entries())
      if (ExprPtr kept = resolveGuards(entry.value, guards))
        entries.push_back({entry.key, entry.keyLocation, kept});
    return Expr::map(std::move(entries), node->location());
  }
  return mapChildren(node, [&](const ExprPtr& child) {
    ExprPtr kept = resolveGuards(child, guards);
    return kept ? kept : Expr::ref("AWS::NoValue", child->location());
  });
}

std::optional<bool> guardsHold(const std::vector<Guard>& guards,
                               const std::map<std::string, bool>& values) {
  bool unknown = false;
  for (const Guard& guard : guards) {
    auto value = values.find(guard.variable);
    if (value == values.end())
      unknown = true;
    else if (value->second != guard.whenTrue)
      return false;
  }
  if (unknown)
    return std::nullopt;
  return true;
}

} // namespace pm::ir
