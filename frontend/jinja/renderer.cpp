// Rendering statements: output, scopes, if/for/set/with blocks and parametric mode's loop
// and print sites.
#include "frontend/jinja/renderer.h"

#include "frontend/jinja/builtin_filters.h"
#include "frontend/jinja/builtin_tests.h"
#include "frontend/jinja/python_methods.h"
#include "frontend/jinja/python_ops.h"

namespace pm::jinja {

Renderer::Renderer(const Value& context, const RenderLimits& limits, SymbolicRecorder* symbolic)
    : context_(context), limits_(limits), symbolic_(symbolic) {
  scopes_.emplace_back();
  filters_.applyFilter = [this](const std::string& name, const Value& input, const CallArgs& args) {
    return filter(name, input, args);
  };
  filters_.applyTest = [](const std::string& name, const Value& input, const CallArgs& args) {
    return applyTest(name, input, args);
  };
}

std::string Renderer::run(const Body& body) {
  renderBody(body);
  return std::move(output_);
}

void Renderer::renderBody(const Body& body) {
  for (const auto& stmt : body)
    renderStmt(*stmt);
}

void Renderer::write(const std::string& text, Position position) {
  output_ += text;
  if (output_.size() > limits_.maxOutputBytes)
    renderError(position, "rendered output exceeds " + std::to_string(limits_.maxOutputBytes) +
                              " bytes (RenderLimits::maxOutputBytes)");
}

void Renderer::renderStmt(const Stmt& stmt) {
  DepthGuard guard(*this, stmt.position);
  switch (stmt.kind) {
  case StmtKind::Data:
    return write(stmt.text, stmt.position);
  case StmtKind::Print:
    return print(eval(*stmt.expr), stmt.expr->position);
  case StmtKind::If:
    return renderIf(stmt);
  case StmtKind::For:
    return renderFor(stmt);
  case StmtKind::Set:
    return assign(*stmt.target, eval(*stmt.expr), stmt.expr->position);
  case StmtKind::SetBlock:
    return renderSetBlock(stmt);
  case StmtKind::With:
    return renderWith(stmt);
  case StmtKind::FilterBlock: {
    std::string text = capture(stmt.body);
    return write(toText(applyFilterChain(*stmt.filter, Value(text)), stmt.position), stmt.position);
  }
  }
}

void Renderer::renderIf(const Stmt& stmt) {
  if (test(*stmt.expr, "if"))
    return renderBody(stmt.body);
  for (const auto& elif : stmt.elifs)
    if (test(*elif->expr, "if"))
      return renderBody(elif->body);
  renderBody(stmt.elseBody);
}

bool Renderer::test(const Expr& expr, std::string_view construct) {
  Value value = eval(expr);
  if (symbolic_)
    if (ConditionPtr condition = conditionOf(value))
      return symbolic_->decide(condition, toBool(withoutSymbols(value), expr.position),
                               expr.position);
  return toBool(concrete(value, expr.position, construct), expr.position);
}

std::string Renderer::capture(const Body& body) {
  ScopeGuard scope(*this);
  std::string saved = std::move(output_);
  output_.clear();
  bool wasCapturing = capturing_;
  capturing_ = true;
  renderBody(body);
  capturing_ = wasCapturing;
  std::string text = std::move(output_);
  output_ = std::move(saved);
  return text;
}

void Renderer::renderSetBlock(const Stmt& stmt) {
  Value text(capture(stmt.body));
  if (stmt.filter)
    text = applyFilterChain(*stmt.filter, text);
  assign(*stmt.target, text, stmt.position);
}

void Renderer::renderWith(const Stmt& stmt) {
  // All values are evaluated in the outer scope before any target is bound.
  ValueList values;
  for (const auto& value : stmt.values)
    values.push_back(eval(*value));
  ScopeGuard scope(*this);
  for (std::size_t i = 0; i < values.size(); ++i)
    assign(*stmt.targets[i], values[i], stmt.values[i]->position);
  renderBody(stmt.body);
}

ValueList Renderer::loopItems(const Stmt& stmt, const Value& collection) {
  ValueList items =
      iterate(concreteIfSymbolic(collection, stmt.expr->position, "for"), stmt.expr->position);
  if (!stmt.test)
    return items;
  ValueList kept;
  for (const auto& item : items) {
    ScopeGuard scope(*this);
    assign(*stmt.target, item, stmt.target->position);
    if (toBool(concrete(eval(*stmt.test), stmt.test->position, "for filter"), stmt.test->position))
      kept.push_back(item);
  }
  return kept;
}

void Renderer::renderFor(const Stmt& stmt) {
  Value collection = eval(*stmt.expr);
  if (symbolic_ && renderSymbolicLoop(stmt, collection))
    return;
  renderLoopItems(stmt, loopItems(stmt, collection));
}

void Renderer::renderLoopItems(const Stmt& stmt, const ValueList& items) {
  auto count = static_cast<std::int64_t>(items.size());
  std::int64_t loopId = nextLoopId_++;
  for (std::int64_t i = 0; i < count; ++i) {
    std::int64_t& spent = limits_.sharedIterations ? *limits_.sharedIterations : iterations_;
    if (++spent > limits_.maxLoopIterations)
      renderError(stmt.position, "more than " + std::to_string(limits_.maxLoopIterations) +
                                     " loop iterations (RenderLimits::maxLoopIterations)");
    // Each iteration starts from the enclosing scope: a `set` in the body does not survive it.
    ScopeGuard scope(*this);
    scopes_.back()["loop"] = loopContext(items, i, loopId);
    assign(*stmt.target, items[i], stmt.target->position);
    renderBody(stmt.body);
  }
  lastChanged_.erase(loopId);
  if (count == 0)
    renderBody(stmt.elseBody);
}

bool Renderer::renderSymbolicLoop(const Stmt& stmt, const Value& collection) {
  std::string path = loneReferencePath(collection);
  bool plain = !stmt.test && stmt.elseBody.empty() && stmt.target->kind == ExprKind::Name;
  if (path.empty() || !plain || !withoutSymbols(collection).isList())
    return false;
  if (path.starts_with(kLoopPathPrefix)) {
    symbolic_->fallback(stmt.expr->position, "for", collection); // a loop inside a loop
    return false;
  }
  auto once = symbolic_->decideLoop({stmt.target->name, path}, stmt.position);
  if (!once)
    renderLoopItems(stmt, iterate(withoutSymbols(collection), stmt.expr->position));
  else if (*once)
    renderSymbolicElement(stmt, withoutSymbols(collection).asList());
  return true;
}

void Renderer::renderSymbolicElement(const Stmt& stmt, const ValueList& concrete) {
  ScopeGuard scope(*this);
  // The counters of a one-element loop, each standing for its value in any loop.
  Value counters = loopContext(ValueList{Value()}, 0, 0);
  ValueDict loop;
  for (const char* counter :
       {"index", "index0", "revindex", "revindex0", "first", "last", "length"}) {
    const Value& value = *counters.asDict().find(std::string(counter));
    loop.set(counter, symbolicReference(std::string(kLoopPathPrefix) + "loop." + counter, value));
  }
  scopes_.back()["loop"] = Value::dict(std::move(loop));
  Value element = concrete.empty() ? Value(std::string()) : concrete.front();
  assign(*stmt.target, symbolicLoopElement(stmt.target->name, element), stmt.target->position);
  renderBody(stmt.body);
}

std::string Renderer::loneReferencePath(const Value& value) {
  if (!value.isSymbolic() || value.symbolic().condition || value.symbolic().parts.size() != 1)
    return {};
  return value.symbolic().parts.front().path;
}

Value Renderer::loopContext(const ValueList& items, std::int64_t i, std::int64_t loopId) {
  auto count = static_cast<std::int64_t>(items.size());
  ValueDict loop;
  loop.set("index", Value(i + 1));
  loop.set("index0", Value(i));
  loop.set("revindex", Value(count - i));
  loop.set("revindex0", Value(count - i - 1));
  loop.set("first", Value(i == 0));
  loop.set("last", Value(i == count - 1));
  loop.set("length", Value(count));
  loop.set("depth", Value(1));
  loop.set("depth0", Value(0));
  loop.set("previtem", i > 0 ? items[i - 1] : Value::undefined("there is no previous item"));
  loop.set("nextitem", i + 1 < count ? items[i + 1] : Value::undefined("there is no next item"));
  loop.set("cycle", Value::method("loop.cycle", Value(i)));
  loop.set("changed", Value::method("loop.changed", Value(loopId)));
  return Value::dict(loop);
}

bool Renderer::nestingExceeds(const Value& value, int budget, const ValueDict* container) {
  if (budget < 0)
    return true;
  if (value.isList())
    for (const auto& item : value.asList())
      if (nestingExceeds(item, budget - 1, container))
        return true;
  if (value.isDict()) {
    if (&value.asDict() == container)
      return true;
    for (const auto& [key, item] : value.asDict().entries())
      if (nestingExceeds(item, budget - 1, container))
        return true;
  }
  return false;
}

void Renderer::assign(const Expr& target, const Value& value, Position position) {
  if (target.kind == ExprKind::Getattr) {
    // `set ns.attr = value`: only namespace() objects take attributes; the object is shared,
    // so the assignment is visible outside the loop that made it.
    Value object = lookup(*target.children[0]);
    if (!object.isNamespace())
      renderError(target.position, "cannot assign attribute on non-namespace object");
    // A namespace outlives loop iterations, so `set ns.x = [ns.x]` could nest values without
    // bound; keep them shallow enough to print and free without exhausting the stack.
    if (nestingExceeds(value, limits_.maxRecursionDepth, &object.asDict()))
      renderError(target.position, "value nested deeper than " +
                                       std::to_string(limits_.maxRecursionDepth) +
                                       " levels or containing its own namespace");
    object.mutableDict().set(Value(target.name), value);
    return;
  }
  if (target.kind == ExprKind::Name) {
    scopes_.back()[target.name] = value;
    return;
  }
  requireDefined(value, position);
  if (!value.isList() && !value.isDict() && !value.isString())
    renderError(position, "cannot unpack non-iterable " + value.typeName());
  ValueList items = iterate(value, position);
  std::size_t expected = target.children.size();
  if (items.size() < expected)
    renderError(position, "not enough values to unpack (expected " + std::to_string(expected) +
                              ", got " + std::to_string(items.size()) + ")");
  if (items.size() > expected)
    renderError(position, "too many values to unpack (expected " + std::to_string(expected) + ")");
  for (std::size_t i = 0; i < expected; ++i)
    assign(*target.children[i], items[i], position);
}

void Renderer::print(const Value& value, Position position) {
  if (symbolic_ && isSymbolicText(value) && !capturing_)
    return write(symbolic_->print(value, position), position);
  const char* construct = capturing_ ? "print inside a set or filter block" : "print";
  write(toText(concrete(value, position, construct), position), position);
}

Value Renderer::concrete(const Value& value, Position position, std::string_view construct,
                         std::string_view name) {
  if (!symbolic_ || !containsSymbolic(value))
    return value;
  std::string description(construct);
  if (!name.empty())
    description += std::string(name) + (construct.back() == '\'' ? "'" : "");
  symbolic_->fallback(position, description, value);
  return withoutSymbols(value);
}

Value Renderer::concreteUnless(const ConditionPtr& condition, const Value& value, Position position,
                               std::string_view construct, std::string_view name) {
  return condition ? withoutSymbols(value) : concrete(value, position, construct, name);
}

Value Renderer::symbolicResult(Value result, const ConditionPtr& condition) {
  return symbolic_ && condition ? conditionValue(result, condition) : result;
}

Value Renderer::concreteIfSymbolic(const Value& value, Position position,
                                   std::string_view construct) {
  if (!symbolic_ || !value.isSymbolic())
    return value;
  return concrete(value, position, construct);
}

} // namespace pm::jinja
