// The renderer: Jinja's statement semantics over the AST, expressions through python_ops.
#include "frontend/jinja/evaluator.h"

#include "frontend/jinja/builtin_filters.h"
#include "frontend/jinja/builtin_tests.h"
#include "frontend/jinja/python_methods.h"
#include "frontend/jinja/python_ops.h"
#include "frontend/jinja/symbolic.h"

#include <map>
#include <string_view>

namespace pm::jinja {

namespace {

using Scope = std::map<std::string, Value>;

class Renderer {
public:
  Renderer(const Value& context, const RenderLimits& limits, SymbolicRecorder* symbolic = nullptr)
      : context_(context), limits_(limits), symbolic_(symbolic) {
    scopes_.emplace_back();
    filters_.applyFilter = [this](const std::string& name, const Value& input,
                                  const CallArgs& args) { return filter(name, input, args); };
    filters_.applyTest = [](const std::string& name, const Value& input, const CallArgs& args) {
      return applyTest(name, input, args);
    };
  }

  std::string run(const Body& body) {
    renderBody(body);
    return std::move(output_);
  }

private:
  // --- statements -------------------------------------------------------------------------
  void renderBody(const Body& body) {
    for (const auto& stmt : body)
      renderStmt(*stmt);
  }

  void write(const std::string& text, Position position) {
    output_ += text;
    if (output_.size() > limits_.maxOutputBytes)
      renderError(position, "rendered output exceeds " + std::to_string(limits_.maxOutputBytes) +
                                " bytes (RenderLimits::maxOutputBytes)");
  }

  struct DepthGuard {
    DepthGuard(Renderer& renderer, Position position) : renderer(renderer) {
      if (++renderer.depth_ > renderer.limits_.maxRecursionDepth)
        renderError(position, "template nesting is deeper than " +
                                  std::to_string(renderer.limits_.maxRecursionDepth) +
                                  " levels (RenderLimits::maxRecursionDepth)");
    }
    ~DepthGuard() { --renderer.depth_; }
    Renderer& renderer;
  };

  // Left-associative chains (`a + b + ...`) nest without bound in the parser's eyes; this keeps
  // their evaluation off the end of the stack.
  struct ExpressionDepthGuard {
    static constexpr int kMaxDepth = 2000;
    ExpressionDepthGuard(Renderer& renderer, Position position) : renderer(renderer) {
      if (++renderer.expressionDepth_ > kMaxDepth)
        renderError(position,
                    "expression is nested deeper than " + std::to_string(kMaxDepth) + " levels");
    }
    ~ExpressionDepthGuard() { --renderer.expressionDepth_; }
    Renderer& renderer;
  };

  struct ScopeGuard {
    explicit ScopeGuard(Renderer& renderer) : renderer(renderer) {
      renderer.scopes_.emplace_back();
    }
    ~ScopeGuard() { renderer.scopes_.pop_back(); }
    Renderer& renderer;
  };

  void renderStmt(const Stmt& stmt) {
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
      return write(toText(applyFilterChain(*stmt.filter, Value(text)), stmt.position),
                   stmt.position);
    }
    }
  }

  void renderIf(const Stmt& stmt) {
    if (test(*stmt.expr, "if"))
      return renderBody(stmt.body);
    for (const auto& elif : stmt.elifs)
      if (test(*elif->expr, "if"))
        return renderBody(elif->body);
    renderBody(stmt.elseBody);
  }

  // The branch an `if` takes. In parametric mode a test on symbolic values is a guard site
  // (symbolic.h) when the model can hold its condition, else a fallback.
  bool test(const Expr& expr, std::string_view construct) {
    Value value = eval(expr);
    if (symbolic_)
      if (ConditionPtr condition = conditionOf(value))
        return symbolic_->decide(condition, toBool(withoutSymbols(value), expr.position),
                                 expr.position);
    return toBool(concrete(value, expr.position, construct), expr.position);
  }

  // Renders `body` in its own scope and returns its output instead of writing it.
  std::string capture(const Body& body) {
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

  void renderSetBlock(const Stmt& stmt) {
    Value text(capture(stmt.body));
    if (stmt.filter)
      text = applyFilterChain(*stmt.filter, text);
    assign(*stmt.target, text, stmt.position);
  }

  void renderWith(const Stmt& stmt) {
    // All values are evaluated in the outer scope before any target is bound.
    ValueList values;
    for (const auto& value : stmt.values)
      values.push_back(eval(*value));
    ScopeGuard scope(*this);
    for (std::size_t i = 0; i < values.size(); ++i)
      assign(*stmt.targets[i], values[i], stmt.values[i]->position);
    renderBody(stmt.body);
  }

  ValueList loopItems(const Stmt& stmt, const Value& collection) {
    ValueList items =
        iterate(concreteIfSymbolic(collection, stmt.expr->position, "for"), stmt.expr->position);
    if (!stmt.test)
      return items;
    ValueList kept;
    for (const auto& item : items) {
      ScopeGuard scope(*this);
      assign(*stmt.target, item, stmt.target->position);
      if (toBool(concrete(eval(*stmt.test), stmt.test->position, "for filter"),
                 stmt.test->position))
        kept.push_back(item);
    }
    return kept;
  }

  void renderFor(const Stmt& stmt) {
    Value collection = eval(*stmt.expr);
    if (symbolic_ && renderSymbolicLoop(stmt, collection))
      return;
    renderLoopItems(stmt, loopItems(stmt, collection));
  }

  void renderLoopItems(const Stmt& stmt, const ValueList& items) {
    auto count = static_cast<std::int64_t>(items.size());
    std::int64_t loopId = nextLoopId_++;
    for (std::int64_t i = 0; i < count; ++i) {
      if (++iterations_ > limits_.maxLoopIterations)
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

  // Parametric mode: a plain `for` over a symbolic list is a loop site (symbolic.h LoopSite):
  // its body renders for one symbolic element, or not at all. False when the loop renders as
  // usual (its collection is concrete, or it has a filter, an else or several targets).
  bool renderSymbolicLoop(const Stmt& stmt, const Value& collection) {
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

  void renderSymbolicElement(const Stmt& stmt, const ValueList& concrete) {
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

  static std::string loneReferencePath(const Value& value) {
    if (!value.isSymbolic() || value.symbolic().condition || value.symbolic().parts.size() != 1)
      return {};
    return value.symbolic().parts.front().path;
  }

  static Value loopContext(const ValueList& items, std::int64_t i, std::int64_t loopId) {
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

  // True when `value` nests deeper than `budget` or contains `container` (which would make a
  // cycle that printing could never finish).
  static bool nestingExceeds(const Value& value, int budget, const ValueDict* container) {
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

  void assign(const Expr& target, const Value& value, Position position) {
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
      renderError(position,
                  "too many values to unpack (expected " + std::to_string(expected) + ")");
    for (std::size_t i = 0; i < expected; ++i)
      assign(*target.children[i], items[i], position);
  }

  // --- expressions ------------------------------------------------------------------------
  Value lookup(const Expr& name) const {
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

  ValueList evalAll(const std::vector<ExprPtr>& exprs, std::size_t from = 0) {
    ValueList values;
    for (std::size_t i = from; i < exprs.size(); ++i)
      values.push_back(eval(*exprs[i]));
    return values;
  }

  Value eval(const Expr& expr) {
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

  Value evalDict(const Expr& expr) {
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

  Value evalSlice(const Expr& expr) {
    auto bound = [&](std::size_t i) {
      return expr.children[i] ? concrete(eval(*expr.children[i]), expr.position, "slice")
                              : Value::none();
    };
    Value object = concrete(eval(*expr.children[0]), expr.position, "slice");
    return sliceValue(object, bound(1), bound(2), bound(3), expr.position);
  }

  // `construct` and `name` name the call for the fallback report when an argument is symbolic;
  // a null `construct` keeps symbolic arguments as they are.
  CallArgs evalArgs(const Expr& expr, std::size_t from, const char* construct,
                    std::string_view name = {}) {
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

  Value evalCall(const Expr& expr) {
    Value callee = eval(*expr.children[0]);
    requireDefined(callee, expr.position);
    if (!callee.isMethod())
      renderError(expr.position, "'" + pythonTypeName(callee) + "' object is not callable");
    CallArgs args = evalArgs(expr, 1, "call of ", callee.asMethod().name);
    if (callee.asMethod().name == "loop.changed")
      return Value(loopChanged(callee.asMethod().self->asInt(), args));
    return callMethod(callee.asMethod(), args);
  }

  // loop.changed(*values): true on the first call and whenever the values differ from the last.
  bool loopChanged(std::int64_t loopId, const CallArgs& args) {
    Value values = Value::tuple(args.positional);
    auto last = lastChanged_.find(loopId);
    if (last != lastChanged_.end() && last->second == values)
      return false;
    lastChanged_[loopId] = values;
    return true;
  }

  Value filter(const std::string& name, const Value& input, const CallArgs& args) {
    if (!isKnownFilter(name))
      renderError(args.position, "No filter named '" + name + "' found.");
    return applyFilter(name, input, args, filters_);
  }

  Value evalFilter(const Expr& expr, const Value& input) {
    if (keepsSymbols(expr))
      return filter(expr.name, input, evalArgs(expr, 1, nullptr));
    return filter(expr.name, concrete(input, expr.position, "filter '", expr.name),
                  evalArgs(expr, 1, "filter '", expr.name));
  }

  // `default` passes a defined value through unchanged, so a symbol survives it; with
  // boolean=true it tests the value's truth, which needs the concrete value.
  static bool keepsSymbols(const Expr& expr) {
    if (expr.name != "default" && expr.name != "d")
      return false;
    return expr.children.size() <= 2 && expr.keywords.empty();
  }

  // Filter blocks and `set` blocks: a chain of Filter nodes whose innermost input is null.
  Value applyFilterChain(const Expr& expr, const Value& input) {
    Value inner = expr.children[0] ? applyFilterChain(*expr.children[0], input) : input;
    return evalFilter(expr, inner);
  }

  Value evalTest(const Expr& expr) {
    if (!isKnownTest(expr.name))
      renderError(expr.position, "No test named '" + expr.name + "' found.");
    Value operand = eval(*expr.children[0]);
    bool holds = applyTest(expr.name,
                           concreteUnless(testCondition(expr.name, operand), operand, expr.position,
                                          "test '", expr.name),
                           evalArgs(expr, 1, "test '", expr.name));
    return symbolicResult(Value(holds), testCondition(expr.name, operand));
  }

  Value evalUnary(const Expr& expr) {
    Value operand = eval(*expr.children[0]);
    ConditionPtr negated = expr.name == "not" ? negatedCondition(operand) : nullptr;
    operand = concreteUnless(negated, operand, expr.position, "operator ", expr.name);
    if (expr.name == "not")
      return symbolicResult(Value(!toBool(operand, expr.position)), negated);
    return negate(operand, expr.position, expr.name == "-");
  }

  Value evalBinary(const Expr& expr) {
    if (expr.name == "and" || expr.name == "or")
      return evalLogical(expr);
    Value left = concrete(eval(*expr.children[0]), expr.position, "operator ", expr.name);
    Value right = concrete(eval(*expr.children[1]), expr.position, "operator ", expr.name);
    return binaryOperation(expr.name, left, right, expr.position);
  }

  // Python's `and`/`or` return an operand. Two tests on symbolic values combine into one
  // condition; the right one is then evaluated even where Python would short-circuit.
  Value evalLogical(const Expr& expr) {
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

  Value evalConcat(const Expr& expr) {
    if (symbolic_)
      return evalSymbolicConcat(expr);
    std::string text;
    for (const auto& part : expr.children)
      text += toText(eval(*part), part->position);
    return Value(text);
  }

  // `~` keeps references: the result is literal text and references in order.
  Value evalSymbolicConcat(const Expr& expr) {
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

  Value evalCompare(const Expr& expr) {
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

  bool compareConcrete(const Expr& expr, const Value& left, const Value& right) {
    const std::string& op = expr.operators[0];
    return op == "in"       ? contains(right, left, expr.position)
           : op == "not in" ? !contains(right, left, expr.position)
                            : compareValues(op, left, right, expr.position);
  }

  Value evalCondition(const Expr& expr) {
    if (test(*expr.children[1], "inline if"))
      return eval(*expr.children[0]);
    if (expr.children[2])
      return eval(*expr.children[2]);
    return Value::lenientUndefined("the inline if-expression on line " +
                                   std::to_string(expr.position.line) +
                                   " evaluated to false and no else section was defined.");
  }

  // --- parametric mode (symbolic.h) ---------------------------------------------------------
  void print(const Value& value, Position position) {
    if (symbolic_ && isSymbolicText(value) && !capturing_)
      return write(symbolic_->print(value, position), position);
    const char* construct = capturing_ ? "print inside a set or filter block" : "print";
    write(toText(concrete(value, position, construct), position), position);
  }

  // The concrete value of something a construct inspects, reported when it held a symbol.
  // `construct` and `name` ("filter '", "upper") are joined only when reporting, so plain
  // renders build no strings.
  Value concrete(const Value& value, Position position, std::string_view construct,
                 std::string_view name = {}) {
    if (!symbolic_ || !containsSymbolic(value))
      return value;
    std::string description(construct);
    if (!name.empty())
      description += std::string(name) + (construct.back() == '\'' ? "'" : "");
    symbolic_->fallback(position, description, value);
    return withoutSymbols(value);
  }

  // As concrete(), for constructs that only look inside the value itself (attribute access,
  // iteration): symbols deeper inside pass through, such as the inputs of a context dict.
  // As concrete(), except when `condition` is known: the value's symbols then live on in it.
  Value concreteUnless(const ConditionPtr& condition, const Value& value, Position position,
                       std::string_view construct, std::string_view name = {}) {
    return condition ? withoutSymbols(value) : concrete(value, position, construct, name);
  }

  // `result` standing for `condition` in parametric mode.
  Value symbolicResult(Value result, const ConditionPtr& condition) {
    return symbolic_ && condition ? conditionValue(result, condition) : result;
  }

  Value concreteIfSymbolic(const Value& value, Position position, std::string_view construct) {
    if (!symbolic_ || !value.isSymbolic())
      return value;
    return concrete(value, position, construct);
  }

  const Value& context_;
  RenderLimits limits_;
  SymbolicRecorder* symbolic_ = nullptr;
  bool capturing_ = false;
  std::vector<Scope> scopes_;
  std::string output_;
  FilterContext filters_;
  int depth_ = 0;
  int expressionDepth_ = 0;
  std::int64_t iterations_ = 0;
  std::int64_t nextLoopId_ = 0;
  std::map<std::int64_t, Value> lastChanged_; // loop.changed() state per running loop
};

} // namespace

std::string renderBody(const Body& body, const Value& context, const RenderLimits& limits) {
  return Renderer(context, limits).run(body);
}

std::string renderBodySymbolic(const Body& body, const Value& context, const RenderLimits& limits,
                               SymbolicRecorder& recorder) {
  return Renderer(context, limits, &recorder).run(body);
}

} // namespace pm::jinja
