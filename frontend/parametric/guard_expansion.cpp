// Flipping guards one render at a time and merging the results.
#include "frontend/parametric/guard_expansion.h"

#include "frontend/parametric/guard_merge.h"
#include "frontend/parametric/symbolic_context.h"

#include <map>
#include <set>

namespace pm::frontend {

namespace {

constexpr const char* kNotLiftable = "MIG008";

ir::ExprPtr literalExpr(const jinja::Value& value, const ir::SourceLocation& at) {
  if (value.isBool())
    return ir::Expr::boolean(value.truthy(), at);
  if (value.isNone())
    return ir::Expr::null(at);
  if (value.isInt() || value.isFloat())
    return ir::Expr::number(value.str(), std::stod(value.str()), at);
  return ir::Expr::string(value.asString(), at);
}

// The model's form of a Jinja condition (ir/guard.h).
ir::ExprPtr conditionExpr(const jinja::SymbolicCondition& condition, const ir::SourceLocation& at) {
  using Kind = jinja::SymbolicCondition::Kind;
  std::vector<ir::ExprPtr> operands;
  for (const auto& operand : condition.operands)
    operands.push_back(conditionExpr(*operand, at));
  switch (condition.kind) {
  case Kind::Truth:
    return referenceFor(condition.path, at);
  case Kind::Equals:
    return ir::Expr::call(ir::ExprKind::Equals,
                          {referenceFor(condition.path, at), literalExpr(condition.literal, at)},
                          at);
  case Kind::Defined:
    return ir::Expr::call(ir::ExprKind::Defined, {referenceFor(condition.path, at)}, at);
  case Kind::Not:
    return ir::Expr::call(ir::ExprKind::Not, std::move(operands), at);
  case Kind::And:
    return ir::Expr::call(ir::ExprKind::And, std::move(operands), at);
  case Kind::Or:
    return ir::Expr::call(ir::ExprKind::Or, std::move(operands), at);
  }
  return nullptr;
}

std::string withoutLoopPrefix(std::string text) {
  for (std::size_t at; (at = text.find(jinja::kLoopPathPrefix)) != std::string::npos;)
    text.erase(at, jinja::kLoopPathPrefix.size());
  return text;
}

bool sameDiagnostic(const ir::Diagnostic& a, const ir::Diagnostic& b) {
  return a.ruleId == b.ruleId && a.location == b.location && a.message == b.message;
}

class GuardExpander {
public:
  GuardExpander(const ReadWithChoices& read, ir::Diagnostics& diagnostics)
      : read_(read), diagnostics_(diagnostics) {}

  std::optional<ParametricModule> expand(const jinja::GuardChoices& choices, bool base) {
    ++renders_;
    ir::Diagnostics found;
    auto read = read_(choices, found);
    report(found, base);
    if (!read) {
      lastFailure_ = firstError(found);
      return std::nullopt;
    }
    for (const ParametricFallback& fallback : read->result.fallbacks)
      if (fallback.path.starts_with(jinja::kLoopPathPrefix))
        failOpenLoops("'" + fallback.construct + "' on the loop element (" +
                      withoutLoopPrefix(fallback.path) + ") at line " +
                      std::to_string(fallback.location.line));
    path_ = read->path;
    std::vector<const jinja::GuardSite*> sites;
    for (const jinja::GuardSite& site : read->guards)
      if (!choices.count(site.key))
        sites.push_back(&site);
    jinja::GuardChoices pinned = choices;
    for (const jinja::GuardSite* site : sites)
      pinned[site->key] = site->value;
    std::vector<GuardVariant> variants;
    for (const jinja::GuardSite* site : sites) {
      std::string name = declare(*site, read->result.module);
      if (renders_ >= kMaxGuardRenders) {
        fallBack(*site, "more guard combinations than " + std::to_string(kMaxGuardRenders) +
                            " renders can enumerate");
        continue;
      }
      jinja::GuardChoices flipped = pinned;
      flipped[site->key] = !site->value;
      if (site->loop)
        openLoops_.push_back(site->key);
      auto variant = expand(flipped, false);
      if (site->loop)
        openLoops_.pop_back();
      if (variant)
        variants.push_back({name, site->value, std::move(variant->module)});
      else
        fallBack(*site, "its other branch does not give a template that renders and reads" +
                            (lastFailure_.empty() ? "" : " (" + lastFailure_ + ")"));
    }
    std::vector<GuardOverlap> overlaps;
    ir::Module merged = mergeGuardVariants(read->result.module, variants, overlaps);
    for (const GuardOverlap& overlap : overlaps)
      reportOverlap(overlap);
    return ParametricModule{std::move(merged), std::move(read->result.fallbacks), {}};
  }

  std::map<std::string, LoopDeclaration> loops;
  LoopFailures failedLoops;

private:
  // A problem in a render with loop bodies in it fails those loops.
  void failOpenLoops(const std::string& why) {
    for (const std::string& key : openLoops_)
      failedLoops.try_emplace(key, why);
  }
  // The guard variable of a site, declared in `module` the first time it is seen anywhere.
  std::string declare(const jinja::GuardSite& site, ir::Module& module) {
    auto [found, added] = names_.try_emplace(site.key, "");
    if (added)
      found->second = site.loop ? "Loop" + std::to_string(++loopCount_)
                                : "Guard" + std::to_string(++guardCount_);
    ir::SourceLocation at{path_, site.position.line, site.position.column};
    if (site.loop) {
      loops.try_emplace(found->second, LoopDeclaration{site.key, *site.loop, at});
      return found->second;
    }
    if (site.key.find(jinja::kLoopPathPrefix) != std::string::npos)
      failOpenLoops("an `if` on the loop element (" + withoutLoopPrefix(site.key) + ")");
    locations_[found->second] = at;
    if (!module.findGuard(found->second))
      module.guards.push_back({found->second, conditionExpr(*site.condition, at), at});
    return found->second;
  }

  void fallBack(const jinja::GuardSite& site, const std::string& why) {
    ir::SourceLocation at{path_, site.position.line, site.position.column};
    if (site.loop) {
      failedLoops.try_emplace(site.key, why);
      return;
    }
    diagnostics_.warning(kNotLiftable, at,
                         "'if " + site.key + "' cannot be lifted into target-language logic: " +
                             why + "; it is rendered with the branch this render takes");
  }

  void reportOverlap(const GuardOverlap& overlap) {
    auto at = locations_.count(overlap.first) ? locations_[overlap.first] : overlap.location;
    std::string message =
        overlap.second.empty()
            ? "the `if` of " + overlap.first +
                  " changes a definition a guard cannot cover (a condition, mapping, parameter "
                  "or resource type); the definition is kept as the base render has it"
            : "the `if`s of " + overlap.first + " and " + overlap.second +
                  " change the same value; only the base render's combination is exact";
    diagnostics_.warning(kNotLiftable, at, message);
  }

  // Every diagnostic of the base render; of the others the warnings not reported yet (their
  // errors make the guard a fallback instead).
  // Why a render failed, for the fallback's message (e.g. the loop budget all renders share).
  static std::string firstError(const ir::Diagnostics& found) {
    for (const ir::Diagnostic& diagnostic : found.all())
      if (diagnostic.severity == ir::Severity::Error)
        return diagnostic.message;
    return "";
  }

  void report(const ir::Diagnostics& found, bool base) {
    if (base) {
      diagnostics_.append(found);
      return;
    }
    for (const ir::Diagnostic& diagnostic : found.all()) {
      if (diagnostic.severity == ir::Severity::Error)
        continue;
      bool known = false;
      for (const ir::Diagnostic& seen : diagnostics_.all())
        known = known || sameDiagnostic(seen, diagnostic);
      if (!known)
        diagnostics_.report(diagnostic.severity, diagnostic.ruleId, diagnostic.location,
                            diagnostic.message);
    }
  }

  const ReadWithChoices& read_;
  ir::Diagnostics& diagnostics_;
  std::map<std::string, std::string> names_; // condition key -> guard variable
  std::map<std::string, ir::SourceLocation> locations_;
  std::string path_;
  int renders_ = 0;
  std::string lastFailure_;
  int guardCount_ = 0, loopCount_ = 0;
  std::vector<std::string> openLoops_; // keys of the loops whose body the current render has
};

} // namespace

std::optional<GuardExpansion> readWithGuards(const ReadWithChoices& read,
                                             ir::Diagnostics& diagnostics) {
  GuardExpander expander(read, diagnostics);
  auto result = expander.expand({}, true);
  if (!result)
    return std::nullopt;
  return GuardExpansion{std::move(*result), std::move(expander.loops),
                        std::move(expander.failedLoops)};
}

} // namespace pm::frontend
