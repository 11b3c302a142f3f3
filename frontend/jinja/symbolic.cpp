// Symbolic values: references, the sentinels printed for them, and the fallback record.
#include "frontend/jinja/symbolic.h"

namespace pm::jinja {

Value symbolicReference(const std::string& path, const Value& value) {
  auto symbolic = std::make_shared<Symbolic>();
  symbolic->parts.push_back(SymbolicPart{"", path, withoutSymbols(value)});
  return withoutSymbols(value).withSymbolic(std::move(symbolic));
}

bool containsSymbolic(const Value& value) {
  return !firstSymbolicPath(value).empty();
}

std::string SymbolicCondition::text() const {
  auto joined = [&](const char* separator) {
    std::string out;
    for (const auto& operand : operands)
      out += (out.empty() ? "" : separator) + ("(" + operand->text() + ")");
    return out;
  };
  switch (kind) {
  case Kind::Truth:
    return path;
  case Kind::Equals:
    return path + " == " + literal.repr();
  case Kind::Defined:
    return path + " is defined";
  case Kind::Not:
    return "not (" + operands[0]->text() + ")";
  case Kind::And:
    return joined(" and ");
  case Kind::Or:
    return joined(" or ");
  }
  return path;
}

std::string SymbolicCondition::firstPath() const {
  if (!path.empty())
    return path;
  for (const auto& operand : operands)
    if (auto found = operand->firstPath(); !found.empty())
      return found;
  return {};
}

ConditionPtr conditionOf(const Value& value) {
  if (!value.isSymbolic())
    return nullptr;
  const Symbolic& symbolic = value.symbolic();
  if (symbolic.condition)
    return symbolic.condition;
  if (symbolic.parts.size() != 1 || !symbolic.parts[0].isReference())
    return nullptr;
  auto truth = std::make_shared<SymbolicCondition>();
  truth->path = symbolic.parts[0].path;
  return truth;
}

Value conditionValue(const Value& concrete, ConditionPtr condition) {
  auto symbolic = std::make_shared<Symbolic>();
  symbolic->condition = std::move(condition);
  return withoutSymbols(concrete).withSymbolic(std::move(symbolic));
}

bool isSymbolicText(const Value& value) {
  return value.isSymbolic() && !value.symbolic().condition;
}

namespace {

// The path of a value that is exactly one reference.
std::string lonePath(const Value& value) {
  if (!isSymbolicText(value) || value.symbolic().parts.size() != 1)
    return {};
  return value.symbolic().parts[0].path;
}

bool isLiteral(const Value& value) {
  return !containsSymbolic(value) &&
         (value.isString() || value.isBool() || value.isInt() || value.isFloat() || value.isNone());
}

ConditionPtr makeCondition(SymbolicCondition::Kind kind, std::string path, Value literal,
                           std::vector<ConditionPtr> operands) {
  auto condition = std::make_shared<SymbolicCondition>();
  condition->kind = kind;
  condition->path = std::move(path);
  condition->literal = std::move(literal);
  condition->operands = std::move(operands);
  return condition;
}

ConditionPtr equality(const Value& left, const Value& right) {
  std::string path = lonePath(left);
  if (!path.empty() && isLiteral(right))
    return makeCondition(SymbolicCondition::Kind::Equals, path, right, {});
  path = lonePath(right);
  if (!path.empty() && isLiteral(left))
    return makeCondition(SymbolicCondition::Kind::Equals, path, left, {});
  return nullptr;
}

ConditionPtr negation(ConditionPtr condition) {
  if (!condition)
    return nullptr;
  return makeCondition(SymbolicCondition::Kind::Not, "", Value(), {std::move(condition)});
}

// `ref in ['a', 'b']`: one Equals per member.
ConditionPtr membership(const Value& item, const Value& container) {
  if (lonePath(item).empty() || !container.isList() || containsSymbolic(container))
    return nullptr;
  std::vector<ConditionPtr> members;
  for (const Value& member : container.asList()) {
    if (!isLiteral(member))
      return nullptr;
    members.push_back(equality(item, member));
  }
  if (members.empty())
    return nullptr;
  if (members.size() == 1)
    return members[0];
  return makeCondition(SymbolicCondition::Kind::Or, "", Value(), std::move(members));
}

} // namespace

ConditionPtr comparisonCondition(const std::string& op, const Value& left, const Value& right) {
  if (op == "==")
    return equality(left, right);
  if (op == "!=")
    return negation(equality(left, right));
  if (op == "in")
    return membership(left, right);
  if (op == "not in")
    return negation(membership(left, right));
  return nullptr;
}

ConditionPtr negatedCondition(const Value& operand) {
  return negation(conditionOf(operand));
}

ConditionPtr combinedCondition(const std::string& op, const Value& left, const Value& right) {
  ConditionPtr a = conditionOf(left), b = conditionOf(right);
  if (!a || !b)
    return nullptr;
  auto kind = op == "and" ? SymbolicCondition::Kind::And : SymbolicCondition::Kind::Or;
  return makeCondition(kind, "", Value(), {a, b});
}

ConditionPtr testCondition(const std::string& test, const Value& operand) {
  std::string path = lonePath(operand);
  if (path.empty() || (test != "defined" && test != "undefined"))
    return nullptr;
  auto defined = makeCondition(SymbolicCondition::Kind::Defined, path, Value(), {});
  return test == "defined" ? defined : negation(defined);
}

std::string firstSymbolicPath(const Value& value) {
  if (value.isSymbolic()) {
    for (const auto& part : value.symbolic().parts)
      if (part.isReference())
        return part.path;
    if (value.symbolic().condition)
      return value.symbolic().condition->firstPath();
  }
  if (value.isList())
    for (const auto& item : value.asList())
      if (auto path = firstSymbolicPath(item); !path.empty())
        return path;
  if (value.isDict())
    for (const auto& [key, item] : value.asDict().entries()) {
      if (auto path = firstSymbolicPath(key); !path.empty())
        return path;
      if (auto path = firstSymbolicPath(item); !path.empty())
        return path;
    }
  return {};
}

Value withoutSymbols(const Value& value) {
  if (!containsSymbolic(value))
    return value;
  Value copy = value.withSymbolic(nullptr);
  if (copy.isList()) {
    ValueList items;
    for (const auto& item : copy.asList())
      items.push_back(withoutSymbols(item));
    Value rebuilt = copy.isTuple() ? Value::tuple(std::move(items)) : Value::list(std::move(items));
    return copy.view() == Value::View::Plain ? rebuilt
                                             : Value::dictView(copy.view(), rebuilt.asList());
  }
  if (copy.isDict()) {
    ValueDict entries;
    for (const auto& [key, item] : copy.asDict().entries())
      entries.set(withoutSymbols(key), withoutSymbols(item));
    return copy.isNamespace() ? Value::namespaceObject(std::move(entries))
                              : Value::dict(std::move(entries));
  }
  return copy;
}

std::string SymbolicRecorder::print(const Value& value, Position position) {
  std::string text;
  for (const auto& part : value.symbolic().parts) {
    if (!part.isReference()) {
      text += part.text;
      continue;
    }
    std::string token = "__pm7_" + std::to_string(sentinels_.size() + 1) + "__";
    sentinels_.push_back(Sentinel{token, part.path, part.value, position});
    text += token;
  }
  return text;
}

void SymbolicRecorder::fallback(Position position, std::string construct, const Value& used) {
  fallbacks_.push_back(SymbolicFallback{position, std::move(construct), firstSymbolicPath(used)});
}

void SymbolicRecorder::record(GuardSite site) {
  for (const GuardSite& known : guards_)
    if (known.key == site.key)
      return;
  guards_.push_back(std::move(site));
}

bool SymbolicRecorder::decide(const ConditionPtr& condition, bool concrete, Position position) {
  std::string key = condition->text();
  auto forced = choices_.find(key);
  bool value = forced == choices_.end() ? concrete : forced->second;
  record(GuardSite{key, condition, position, value, std::nullopt});
  return value;
}

std::optional<bool> SymbolicRecorder::decideLoop(const LoopSite& loop, Position position) {
  // Each `for` is its own loop: one that cannot be lifted leaves the others lifted.
  std::string key = "for " + loop.variable + " in " + loop.collection + " (line " +
                    std::to_string(position.line) + ")";
  if (concreteLoops_.count(key))
    return std::nullopt;
  auto forced = choices_.find(key);
  bool value = forced != choices_.end() && forced->second;
  record(GuardSite{key, nullptr, position, value, loop});
  return value;
}

Value symbolicLoopElement(const std::string& path, const Value& value) {
  if (value.isDict() && !value.isNamespace()) {
    ValueDict element;
    for (const auto& [key, item] : value.asDict().entries())
      element.set(key, symbolicLoopElement(
                           path + "." + (key.isString() ? key.asString() : key.str()), item));
    return Value::dict(std::move(element));
  }
  // Lists too: what reads inside one (a nested loop, a print) is reported, never taken from
  // the first element silently.
  if (value.isString() || value.isInt() || value.isFloat() || value.isBool() || value.isList())
    return symbolicReference(std::string(kLoopPathPrefix) + path, value);
  return value;
}

SymbolicRender SymbolicRecorder::finish(std::string text) {
  return SymbolicRender{std::move(text), std::move(sentinels_), std::move(fallbacks_),
                        std::move(guards_)};
}

} // namespace pm::jinja
