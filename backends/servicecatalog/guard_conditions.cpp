// Jinja truth and comparison in CloudFormation condition functions. Parameters hold the text
// Jinja would print, so `==` compares strings and truth tests compare with the falsy text.
#include "backends/servicecatalog/guard_conditions.h"

#include "backends/servicecatalog/template_document.h"
#include "ir/expr_text.h"

namespace pm::backends::sc {

namespace {

using ir::Expr;
using ir::ExprKind;
using ir::ExprPtr;

// The rule for Jinja constructs a target cannot express (docs/diagnostics.md).
constexpr const char* kNotLiftedRule = "MIG008";
// CloudFormation's Fn::And and Fn::Or take at most ten conditions.
constexpr std::size_t kMaxConditions = 10;

ExprPtr equals(ExprPtr left, ExprPtr right) {
  return call(ExprKind::Equals, {std::move(left), std::move(right)});
}

ExprPtr negate(ExprPtr condition) {
  return call(ExprKind::Not, {std::move(condition)});
}

bool isReference(ExprKind kind) {
  return kind == ExprKind::InputRef || kind == ExprKind::ContextRef ||
         kind == ExprKind::UpstreamOutputRef;
}

} // namespace

GuardConditions::GuardConditions(const ir::Module& module, ProductParameters& parameters,
                                 NameRegistry& conditionNames, ir::Diagnostics& diagnostics)
    : module_(module), parameters_(parameters), names_(conditionNames), diagnostics_(diagnostics) {}

std::string GuardConditions::add(const std::string& key, const std::string& wanted,
                                 ExprPtr expression) {
  std::string name = names_.claim(wanted);
  byKey_[key] = name;
  entries_.push_back({name, {}, std::move(expression)});
  return name;
}

std::string GuardConditions::forVariable(const std::string& variable) {
  auto found = byKey_.find(variable);
  if (found != byKey_.end())
    return found->second;
  const ir::GuardVariable* guard = module_.findGuard(variable);
  ExprPtr expression = guard ? translate(guard->condition, guard->location) : nullptr;
  if (!expression) {
    if (!guard)
      diagnostics_.error(kNotLiftedRule, module_.location,
                         "guard variable '" + variable + "' is not declared by the module");
    expression = equals(text("true"), text("false"));
  }
  return add(variable, variable, expression);
}

std::optional<std::string>
GuardConditions::forGuards(const std::vector<ir::Guard>& guards,
                           const std::optional<ir::LocatedName>& existing) {
  if (guards.empty())
    return existing ? std::optional(existing->name) : std::nullopt;
  if (guards.size() == 1 && guards.front().whenTrue && !existing)
    return forVariable(guards.front().variable);
  std::string key;
  std::string wanted;
  std::vector<ExprPtr> parts;
  if (existing) {
    key = wanted = existing->name;
    parts.push_back(Expr::condition(existing->name, {}));
  }
  for (const ir::Guard& guard : guards) {
    std::string name = forVariable(guard.variable);
    std::string spelled = (guard.whenTrue ? "" : "Not") + name;
    key += (key.empty() ? "" : "&") + spelled;
    wanted += (wanted.empty() ? "" : "And") + spelled;
    ExprPtr holds = Expr::condition(name, {});
    parts.push_back(guard.whenTrue ? holds : negate(holds));
  }
  auto found = byKey_.find(key);
  if (found != byKey_.end())
    return found->second;
  return add(key, wanted, combine(ExprKind::And, std::move(parts)));
}

ExprPtr GuardConditions::combine(ExprKind kind, std::vector<ExprPtr> conditions) {
  if (conditions.size() == 1) {
    // Fn::Not of a single Condition stays as it is; a lone condition needs no And.
    return conditions.front();
  }
  while (conditions.size() > kMaxConditions) {
    std::vector<ExprPtr> head(conditions.begin(), conditions.begin() + kMaxConditions);
    conditions.erase(conditions.begin(), conditions.begin() + kMaxConditions);
    conditions.insert(conditions.begin(), call(kind, std::move(head)));
  }
  return call(kind, std::move(conditions));
}

ExprPtr GuardConditions::untranslatable(const ExprPtr& condition, const ir::SourceLocation& where) {
  diagnostics_.warning(kNotLiftedRule, condition ? condition->location() : where,
                       "the Jinja condition '" + ir::exprText(condition) +
                           "' has no CloudFormation condition equivalent; the product template "
                           "treats it as false");
  return nullptr;
}

ExprPtr GuardConditions::translate(const ExprPtr& condition, const ir::SourceLocation& where) {
  if (!condition)
    return untranslatable(condition, where);
  switch (condition->kind()) {
  case ExprKind::Equals: {
    ExprPtr left = operand(condition->arguments().at(0), where);
    ExprPtr right = operand(condition->arguments().at(1), where);
    return left && right ? equals(left, right) : nullptr;
  }
  case ExprKind::Not: {
    ExprPtr inner = translate(condition->arguments().at(0), where);
    return inner ? negate(inner) : nullptr;
  }
  case ExprKind::And:
  case ExprKind::Or: {
    std::vector<ExprPtr> parts;
    for (const ExprPtr& part : condition->arguments()) {
      ExprPtr translated = translate(part, where);
      if (!translated)
        return nullptr;
      parts.push_back(translated);
    }
    return parts.empty() ? nullptr : combine(condition->kind(), std::move(parts));
  }
  case ExprKind::Defined: {
    const ExprPtr& reference = condition->arguments().at(0);
    if (!reference || !isReference(reference->kind()))
      return untranslatable(condition, where);
    // A parameter always has a value; an input the spec leaves out is an empty string.
    return negate(equals(ref(parameters_.forReference(*reference).name), text("")));
  }
  case ExprKind::Bool:
    return equals(text("true"), text(condition->boolean() ? "true" : "false"));
  default:
    if (isReference(condition->kind()))
      return truthOf(condition, where);
    return untranslatable(condition, where);
  }
}

// Python truth of the text a parameter holds: "" is false for strings, "0" for numbers, False
// for booleans, an empty list for lists.
ExprPtr GuardConditions::truthOf(const ExprPtr& reference, const ir::SourceLocation&) {
  const ProductParameter& parameter = parameters_.forReference(*reference);
  ir::InputType type = parameter.input ? parameter.input->type : ir::InputType::String;
  ExprPtr value = ref(parameter.name);
  switch (type) {
  case ir::InputType::Boolean:
    return equals(value, text(booleanParameterValue(true)));
  case ir::InputType::Number:
  case ir::InputType::Integer:
    return negate(equals(value, text("0")));
  case ir::InputType::List:
    return negate(equals(call(ExprKind::Join, {text(""), value}), text("")));
  default:
    return negate(equals(value, text("")));
  }
}

ExprPtr GuardConditions::operand(const ExprPtr& value, const ir::SourceLocation& where) {
  if (!value)
    return untranslatable(value, where);
  switch (value->kind()) {
  case ExprKind::String:
    return value;
  case ExprKind::Number:
    return text(value->number().text);
  case ExprKind::Bool:
    return text(booleanParameterValue(value->boolean()));
  default:
    if (isReference(value->kind()))
      return ref(parameters_.forReference(*value).name);
    return untranslatable(value, where);
  }
}

} // namespace pm::backends::sc
