// Evaluating expressions: lookups, calls, filters, tests and operators, symbolic where
// parametric mode can keep them so.
#include "frontend/jinja/renderer.h"

#include "frontend/jinja/builtin_filters.h"
#include "frontend/jinja/builtin_tests.h"
#include "frontend/jinja/python_methods.h"
#include "frontend/jinja/python_ops.h"

namespace pm::jinja {

Value Renderer::lookup(const Expr& name) const {
  for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope) {
    auto found = scope->find(name.name);
    if (found != scope->end())
      return found->second;
  }
  if (const Value* found = context_.asDict().find(name.name))
    return *found;
  if (isGlobalFunction(name.name))
    return Value::method(name.name, Value::none());
  return Value::undefinedAt("'" + name.name + "' is undefined", name.position.line,
                            name.position.column);
}

ValueList Renderer::evalAll(const std::vector<ExprPtr>& exprs, std::size_t from) {
  ValueList values;
  for (std::size_t i = from; i < exprs.size(); ++i)
    values.push_back(eval(*exprs[i]));
  return values;
}

Value Renderer::eval(const Expr& expr) {
  ExpressionDepthGuard guard(*this, expr.position);
  switch (expr.kind) {
  case ExprKind::Literal:
    return expr.literal;
  case ExprKind::Name:
    return lookup(expr);
  case ExprKind::List:
    return Value::list(evalAll(expr.children));
  case ExprKind::Tuple:
    return Value::tuple(evalAll(expr.children));
  case ExprKind::Dict:
    return evalDict(expr);
  case ExprKind::Getattr:
    return getAttribute(concreteIfSymbolic(eval(*expr.children[0]), expr.position, "attribute"),
                        expr.name, expr.position);
  case ExprKind::Getitem:
    return getItem(concreteIfSymbolic(eval(*expr.children[0]), expr.position, "subscript"),
                   concrete(eval(*expr.children[1]), expr.position, "subscript"), expr.position);
  case ExprKind::Slice:
    return evalSlice(expr);
  case ExprKind::Call:
    return evalCall(expr);
  case ExprKind::Filter:
    return evalFilter(expr, eval(*expr.children[0]));
  case ExprKind::Test:
    return evalTest(expr);
  case ExprKind::Unary:
    return evalUnary(expr);
  case ExprKind::Binary:
    return evalBinary(expr);
  case ExprKind::Concat:
    return evalConcat(expr);
  case ExprKind::Compare:
    return evalCompare(expr);
  case ExprKind::Condition:
    return evalCondition(expr);
  }
  return Value();
}

Value Renderer::evalDict(const Expr& expr) {
  ValueDict dict;
  for (std::size_t i = 0; i + 1 < expr.children.size(); i += 2) {
    Value key = concrete(eval(*expr.children[i]), expr.children[i]->position, "dict key");
    requireDefined(key, expr.children[i]->position);
    if (key.isList() && !key.isTuple())
      renderError(expr.children[i]->position, "unhashable type: 'list'");
    if (key.isDict())
      renderError(expr.children[i]->position, "unhashable type: 'dict'");
    dict.set(key, eval(*expr.children[i + 1]));
  }
  return Value::dict(dict);
}

Value Renderer::evalSlice(const Expr& expr) {
  auto bound = [&](std::size_t i) {
    return expr.children[i] ? concrete(eval(*expr.children[i]), expr.position, "slice")
                            : Value::none();
  };
  Value object = concrete(eval(*expr.children[0]), expr.position, "slice");
  return sliceValue(object, bound(1), bound(2), bound(3), expr.position);
}

CallArgs Renderer::evalArgs(const Expr& expr, std::size_t from, const char* construct,
                            std::string_view name) {
  CallArgs args;
  args.position = expr.position;
  args.positional = evalAll(expr.children, from);
  for (const auto& keyword : expr.keywords)
    args.keywords.emplace_back(keyword.name, eval(*keyword.value));
  if (construct) {
    for (auto& value : args.positional)
      value = concrete(value, expr.position, construct, name);
    for (auto& keyword : args.keywords)
      keyword.second = concrete(keyword.second, expr.position, construct, name);
  }
  return args;
}

Value Renderer::evalCall(const Expr& expr) {
  Value callee = eval(*expr.children[0]);
  requireDefined(callee, expr.position);
  if (!callee.isMethod())
    renderError(expr.position, "'" + pythonTypeName(callee) + "' object is not callable");
  CallArgs args = evalArgs(expr, 1, "call of ", callee.asMethod().name);
  if (callee.asMethod().name == "loop.changed")
    return Value(loopChanged(callee.asMethod().self->asInt(), args));
  return callMethod(callee.asMethod(), args);
}

bool Renderer::loopChanged(std::int64_t loopId, const CallArgs& args) {
  Value values = Value::tuple(args.positional);
  auto last = lastChanged_.find(loopId);
  if (last != lastChanged_.end() && last->second == values)
    return false;
  lastChanged_[loopId] = values;
  return true;
}

Value Renderer::filter(const std::string& name, const Value& input, const CallArgs& args) {
  if (!isKnownFilter(name))
    renderError(args.position, "No filter named '" + name + "' found.");
  return applyFilter(name, input, args, filters_);
}

Value Renderer::evalFilter(const Expr& expr, const Value& input) {
  if (keepsSymbols(expr))
    return filter(expr.name, input, evalArgs(expr, 1, nullptr));
  return filter(expr.name, concrete(input, expr.position, "filter '", expr.name),
                evalArgs(expr, 1, "filter '", expr.name));
}

bool Renderer::keepsSymbols(const Expr& expr) {
  if (expr.name != "default" && expr.name != "d")
    return false;
  return expr.children.size() <= 2 && expr.keywords.empty();
}

Value Renderer::applyFilterChain(const Expr& expr, const Value& input) {
  Value inner = expr.children[0] ? applyFilterChain(*expr.children[0], input) : input;
  return evalFilter(expr, inner);
}

Value Renderer::evalTest(const Expr& expr) {
  if (!isKnownTest(expr.name))
    renderError(expr.position, "No test named '" + expr.name + "' found.");
  Value operand = eval(*expr.children[0]);
  bool holds = applyTest(expr.name,
                         concreteUnless(testCondition(expr.name, operand), operand, expr.position,
                                        "test '", expr.name),
                         evalArgs(expr, 1, "test '", expr.name));
  return symbolicResult(Value(holds), testCondition(expr.name, operand));
}

Value Renderer::evalUnary(const Expr& expr) {
  Value operand = eval(*expr.children[0]);
  ConditionPtr negated = expr.name == "not" ? negatedCondition(operand) : nullptr;
  operand = concreteUnless(negated, operand, expr.position, "operator ", expr.name);
  if (expr.name == "not")
    return symbolicResult(Value(!toBool(operand, expr.position)), negated);
  return negate(operand, expr.position, expr.name == "-");
}

Value Renderer::evalBinary(const Expr& expr) {
  if (expr.name == "and" || expr.name == "or")
    return evalLogical(expr);
  Value left = concrete(eval(*expr.children[0]), expr.position, "operator ", expr.name);
  Value right = concrete(eval(*expr.children[1]), expr.position, "operator ", expr.name);
  return binaryOperation(expr.name, left, right, expr.position);
}

Value Renderer::evalLogical(const Expr& expr) {
  bool isAnd = expr.name == "and";
  Value left = eval(*expr.children[0]);
  if (symbolic_ && conditionOf(left)) {
    Value right = eval(*expr.children[1]);
    if (ConditionPtr combined = combinedCondition(expr.name, left, right)) {
      bool leftHolds = toBool(withoutSymbols(left), expr.children[0]->position);
      return conditionValue(leftHolds == isAnd ? right : left, combined);
    }
  }
  left = concrete(left, expr.position, "operator ", expr.name);
  if (toBool(left, expr.children[0]->position) == isAnd)
    return eval(*expr.children[1]);
  return left;
}

Value Renderer::evalConcat(const Expr& expr) {
  if (symbolic_)
    return evalSymbolicConcat(expr);
  std::string text;
  for (const auto& part : expr.children)
    text += toText(eval(*part), part->position);
  return Value(text);
}

Value Renderer::evalSymbolicConcat(const Expr& expr) {
  std::string text;
  auto symbolic = std::make_shared<Symbolic>();
  for (const auto& child : expr.children) {
    Value part = eval(*child);
    if (!isSymbolicText(part))
      part = concrete(part, child->position, "concatenation");
    std::string partText = toText(part, child->position);
    text += partText;
    if (isSymbolicText(part))
      for (const auto& piece : part.symbolic().parts)
        symbolic->parts.push_back(piece);
    else
      symbolic->parts.push_back(SymbolicPart{partText, "", Value()});
  }
  bool anyReference = false;
  for (const auto& piece : symbolic->parts)
    anyReference = anyReference || piece.isReference();
  return anyReference ? Value(text).withSymbolic(std::move(symbolic)) : Value(text);
}

Value Renderer::evalCompare(const Expr& expr) {
  if (symbolic_ && expr.operators.size() == 1) {
    Value left = eval(*expr.children[0]), right = eval(*expr.children[1]);
    if (ConditionPtr condition = comparisonCondition(expr.operators[0], left, right))
      return conditionValue(
          Value(compareConcrete(expr, withoutSymbols(left), withoutSymbols(right))), condition);
  }
  Value left = concrete(eval(*expr.children[0]), expr.position, "comparison");
  for (std::size_t i = 0; i < expr.operators.size(); ++i) {
    Value right = concrete(eval(*expr.children[i + 1]), expr.position, "comparison");
    const std::string& op = expr.operators[i];
    bool holds = op == "in"       ? contains(right, left, expr.position)
                 : op == "not in" ? !contains(right, left, expr.position)
                                  : compareValues(op, left, right, expr.position);
    if (!holds)
      return Value(false);
    left = std::move(right);
  }
  return Value(true);
}

bool Renderer::compareConcrete(const Expr& expr, const Value& left, const Value& right) {
  const std::string& op = expr.operators[0];
  return op == "in"       ? contains(right, left, expr.position)
         : op == "not in" ? !contains(right, left, expr.position)
                          : compareValues(op, left, right, expr.position);
}

Value Renderer::evalCondition(const Expr& expr) {
  if (test(*expr.children[1], "inline if"))
    return eval(*expr.children[0]);
  if (expr.children[2])
    return eval(*expr.children[2]);
  return Value::lenientUndefined("the inline if-expression on line " +
                                 std::to_string(expr.position.line) +
                                 " evaluated to false and no else section was defined.");
}

} // namespace pm::jinja
