// The renderer behind evaluator.h: Jinja's statement semantics over the AST (renderer.cpp) and
// expressions with Python semantics through python_ops (renderer_expressions.cpp). Internal to
// the Jinja engine.
#pragma once

#include "frontend/jinja/ast.h"
#include "frontend/jinja/builtin_filters.h"
#include "frontend/jinja/jinja.h"
#include "frontend/jinja/symbolic.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pm::jinja {

using Scope = std::map<std::string, Value>;

class Renderer {
public:
  Renderer(const Value& context, const RenderLimits& limits, SymbolicRecorder* symbolic = nullptr);

  std::string run(const Body& body);

private:
  // --- statements -------------------------------------------------------------------------
  void renderBody(const Body& body);

  void write(const std::string& text, Position position);

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

  void renderStmt(const Stmt& stmt);

  void renderIf(const Stmt& stmt);

  // The branch an `if` takes. In parametric mode a test on symbolic values is a guard site
  // (symbolic.h) when the model can hold its condition, else a fallback.
  bool test(const Expr& expr, std::string_view construct);

  // Renders `body` in its own scope and returns its output instead of writing it.
  std::string capture(const Body& body);

  void renderSetBlock(const Stmt& stmt);

  void renderWith(const Stmt& stmt);

  ValueList loopItems(const Stmt& stmt, const Value& collection);

  void renderFor(const Stmt& stmt);

  void renderLoopItems(const Stmt& stmt, const ValueList& items);

  // Parametric mode: a plain `for` over a symbolic list is a loop site (symbolic.h LoopSite):
  // its body renders for one symbolic element, or not at all. False when the loop renders as
  // usual (its collection is concrete, or it has a filter, an else or several targets).
  bool renderSymbolicLoop(const Stmt& stmt, const Value& collection);

  void renderSymbolicElement(const Stmt& stmt, const ValueList& concrete);

  static std::string loneReferencePath(const Value& value);

  static Value loopContext(const ValueList& items, std::int64_t i, std::int64_t loopId);

  // True when `value` nests deeper than `budget` or contains `container` (which would make a
  // cycle that printing could never finish).
  static bool nestingExceeds(const Value& value, int budget, const ValueDict* container);

  void assign(const Expr& target, const Value& value, Position position);

  // --- expressions ------------------------------------------------------------------------
  Value lookup(const Expr& name) const;

  ValueList evalAll(const std::vector<ExprPtr>& exprs, std::size_t from = 0);

  Value eval(const Expr& expr);

  Value evalDict(const Expr& expr);

  Value evalSlice(const Expr& expr);

  // `construct` and `name` name the call for the fallback report when an argument is symbolic;
  // a null `construct` keeps symbolic arguments as they are.
  CallArgs evalArgs(const Expr& expr, std::size_t from, const char* construct,
                    std::string_view name = {});

  Value evalCall(const Expr& expr);

  // loop.changed(*values): true on the first call and whenever the values differ from the last.
  bool loopChanged(std::int64_t loopId, const CallArgs& args);

  Value filter(const std::string& name, const Value& input, const CallArgs& args);

  Value evalFilter(const Expr& expr, const Value& input);

  // `default` passes a defined value through unchanged, so a symbol survives it; with
  // boolean=true it tests the value's truth, which needs the concrete value.
  static bool keepsSymbols(const Expr& expr);

  // Filter blocks and `set` blocks: a chain of Filter nodes whose innermost input is null.
  Value applyFilterChain(const Expr& expr, const Value& input);

  Value evalTest(const Expr& expr);

  Value evalUnary(const Expr& expr);

  Value evalBinary(const Expr& expr);

  // Python's `and`/`or` return an operand. Two tests on symbolic values combine into one
  // condition; the right one is then evaluated even where Python would short-circuit.
  Value evalLogical(const Expr& expr);

  Value evalConcat(const Expr& expr);

  // `~` keeps references: the result is literal text and references in order.
  Value evalSymbolicConcat(const Expr& expr);

  Value evalCompare(const Expr& expr);

  bool compareConcrete(const Expr& expr, const Value& left, const Value& right);

  Value evalCondition(const Expr& expr);

  // --- parametric mode (symbolic.h) ---------------------------------------------------------
  void print(const Value& value, Position position);

  // The concrete value of something a construct inspects, reported when it held a symbol.
  // `construct` and `name` ("filter '", "upper") are joined only when reporting, so plain
  // renders build no strings.
  Value concrete(const Value& value, Position position, std::string_view construct,
                 std::string_view name = {});

  // As concrete(), for constructs that only look inside the value itself (attribute access,
  // iteration): symbols deeper inside pass through, such as the inputs of a context dict.
  // As concrete(), except when `condition` is known: the value's symbols then live on in it.
  Value concreteUnless(const ConditionPtr& condition, const Value& value, Position position,
                       std::string_view construct, std::string_view name = {});

  // `result` standing for `condition` in parametric mode.
  Value symbolicResult(Value result, const ConditionPtr& condition);

  Value concreteIfSymbolic(const Value& value, Position position, std::string_view construct);

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

} // namespace pm::jinja
