// Evaluating Conditions with three-valued logic and folding intrinsics over literal operands.
#include "ir/passes/fold_conditions.h"

#include "ir/reporting_jobs.h"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <optional>
#include <set>

namespace pm::ir {

std::string_view truthName(Truth truth) {
  switch (truth) {
  case Truth::False:
    return "false";
  case Truth::True:
    return "true";
  case Truth::Unknown:
    return "unknown";
  }
  return "unknown";
}

Truth FoldedModule::truth(std::string_view condition) const {
  auto found = conditions.find(condition);
  return found == conditions.end() ? Truth::Unknown : found->second;
}

const FoldedModule* FoldedGraph::find(std::string_view module) const {
  auto found = modules.find(module);
  return found == modules.end() ? nullptr : &found->second;
}

namespace {

using TruthTable = std::map<std::string, Truth, std::less<>>;

// CloudFormation compares and joins scalars as strings, so a number keeps its source text
// ("1.10" stays "1.10") and a boolean is "true"/"false".
std::optional<std::string> scalarText(const ExprPtr& expr) {
  if (!expr)
    return std::nullopt;
  switch (expr->kind()) {
  case ExprKind::String:
    return expr->text();
  case ExprKind::Number:
    return expr->number().text;
  case ExprKind::Bool:
    return std::string(expr->boolean() ? "true" : "false");
  default:
    return std::nullopt;
  }
}

bool sameNodes(const std::vector<ExprPtr>& a, const std::vector<ExprPtr>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

class ExprFolder {
public:
  explicit ExprFolder(const TruthTable& conditions) : conditions_(conditions) {}

  ExprPtr fold(const ExprPtr& expr) const {
    if (!expr)
      return expr;
    switch (expr->kind()) {
    case ExprKind::List:
      return foldList(expr);
    case ExprKind::Map:
      return foldMap(expr);
    case ExprKind::If:
      return foldIf(expr);
    case ExprKind::Sub:
      return foldSub(expr);
    case ExprKind::Join:
    case ExprKind::Select:
    case ExprKind::Split:
      return foldLiteralCall(expr);
    case ExprKind::Equals:
    case ExprKind::And:
    case ExprKind::Or:
    case ExprKind::Not:
    case ExprKind::FindInMap:
    case ExprKind::GetAZs:
    case ExprKind::Cidr:
    case ExprKind::ImportValue:
    case ExprKind::Base64:
    case ExprKind::Length:
    case ExprKind::ToJsonString:
      return foldCallArguments(expr);
    default:
      return expr; // leaves, references, Transform and Unsupported are kept as written
    }
  }

private:
  std::vector<ExprPtr> foldAll(const std::vector<ExprPtr>& items) const {
    std::vector<ExprPtr> folded;
    folded.reserve(items.size());
    for (const ExprPtr& item : items)
      folded.push_back(fold(item));
    return folded;
  }

  ExprPtr foldList(const ExprPtr& expr) const {
    std::vector<ExprPtr> items = foldAll(expr->items());
    return sameNodes(items, expr->items()) ? expr : Expr::list(std::move(items), expr->location());
  }

  ExprPtr foldMap(const ExprPtr& expr) const {
    std::vector<MapEntry> entries = expr->entries();
    bool changed = false;
    for (MapEntry& entry : entries) {
      ExprPtr value = fold(entry.value);
      changed = changed || value != entry.value;
      entry.value = std::move(value);
    }
    return changed ? Expr::map(std::move(entries), expr->location()) : expr;
  }

  ExprPtr foldIf(const ExprPtr& expr) const {
    const auto& arguments = expr->arguments();
    auto found = conditions_.find(expr->name());
    Truth truth = found == conditions_.end() ? Truth::Unknown : found->second;
    if (truth != Truth::Unknown && arguments.size() == 2)
      return fold(arguments[truth == Truth::True ? 0 : 1]);
    std::vector<ExprPtr> folded = foldAll(arguments);
    if (folded.size() != 2 || sameNodes(folded, arguments))
      return expr;
    return Expr::ifThen(expr->name(), folded[0], folded[1], expr->location());
  }

  // Only the values of the variable map can hold intrinsics; the template text is kept.
  ExprPtr foldSub(const ExprPtr& expr) const {
    SubTemplate sub = expr->sub();
    bool changed = false;
    for (MapEntry& variable : sub.variables) {
      ExprPtr value = fold(variable.value);
      changed = changed || value != variable.value;
      variable.value = std::move(value);
    }
    return changed ? Expr::sub(std::move(sub), expr->location()) : expr;
  }

  ExprPtr foldCallArguments(const ExprPtr& expr) const {
    std::vector<ExprPtr> folded = foldAll(expr->arguments());
    if (sameNodes(folded, expr->arguments()))
      return expr;
    return Expr::call(expr->kind(), std::move(folded), expr->location());
  }

  ExprPtr foldLiteralCall(const ExprPtr& expr) const {
    ExprPtr withFoldedArguments = foldCallArguments(expr);
    const auto& arguments = withFoldedArguments->arguments();
    ExprPtr literal;
    if (arguments.size() == 2) {
      if (expr->kind() == ExprKind::Join)
        literal = join(arguments[0], arguments[1], expr->location());
      else if (expr->kind() == ExprKind::Select)
        literal = select(arguments[0], arguments[1]);
      else
        literal = split(arguments[0], arguments[1], expr->location());
    }
    return literal ? literal : withFoldedArguments;
  }

  static ExprPtr join(const ExprPtr& delimiter, const ExprPtr& list,
                      const SourceLocation& location) {
    std::optional<std::string> separator = scalarText(delimiter);
    if (!separator || list->kind() != ExprKind::List)
      return nullptr;
    std::string joined;
    for (std::size_t i = 0; i < list->items().size(); ++i) {
      std::optional<std::string> item = scalarText(list->items()[i]);
      if (!item)
        return nullptr;
      joined += (i == 0 ? "" : *separator) + *item;
    }
    return Expr::string(std::move(joined), location);
  }

  // The selected item keeps its own location: it is the value that ends up in the template.
  static ExprPtr select(const ExprPtr& indexExpr, const ExprPtr& list) {
    std::optional<std::string> text = scalarText(indexExpr);
    if (!text || list->kind() != ExprKind::List)
      return nullptr;
    std::size_t index = 0;
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), index);
    if (error != std::errc() || end != text->data() + text->size() || index >= list->items().size())
      return nullptr; // out of range is a template error, left for the linter to report
    return list->items()[index];
  }

  static ExprPtr split(const ExprPtr& delimiter, const ExprPtr& source,
                       const SourceLocation& location) {
    std::optional<std::string> separator = scalarText(delimiter);
    std::optional<std::string> text = scalarText(source);
    if (!separator || separator->empty() || !text)
      return nullptr;
    std::vector<ExprPtr> parts;
    std::size_t start = 0;
    for (std::size_t at = text->find(*separator); at != std::string::npos;
         at = text->find(*separator, start)) {
      parts.push_back(Expr::string(text->substr(start, at - start), location));
      start = at + separator->size();
    }
    parts.push_back(Expr::string(text->substr(start), location));
    return Expr::list(std::move(parts), location);
  }

  const TruthTable& conditions_;
};

// Evaluates each condition once (memoised), following Condition references depth first so a
// cycle is found at the reference that closes it.
class ConditionEvaluator {
public:
  ConditionEvaluator(const Module& module, Diagnostics& diagnostics)
      : module_(module), diagnostics_(diagnostics) {}

  TruthTable evaluateAll() {
    for (const Condition& condition : module_.conditions)
      evaluate(condition.name, condition.location);
    return results_;
  }

private:
  Truth evaluate(const std::string& name, const SourceLocation& referencedAt) {
    if (auto done = results_.find(name); done != results_.end())
      return done->second;
    auto active = std::find(stack_.begin(), stack_.end(), name);
    if (active != stack_.end()) {
      reportCycle(active, referencedAt);
      return Truth::Unknown;
    }
    const Condition* condition = module_.findCondition(name);
    if (!condition)
      return Truth::Unknown; // undeclared: resolve references reported it [PRS012]
    stack_.push_back(name);
    Truth truth = evaluate(condition->expression);
    stack_.pop_back();
    results_[name] = onCycle_.contains(name) ? Truth::Unknown : truth;
    return results_[name];
  }

  void reportCycle(std::vector<std::string>::const_iterator start, const SourceLocation& where) {
    std::vector<std::string> cycle(start, stack_.cend());
    cycle.push_back(*start);
    onCycle_.insert(cycle.begin(), cycle.end());
    diagnostics_.error(kConditionCycleRule, where,
                       fmt::format("condition '{}' depends on itself ({}); CloudFormation rejects "
                                   "circular conditions: break the cycle",
                                   *start, fmt::join(cycle, " -> ")));
  }

  Truth evaluate(const ExprPtr& expr) {
    if (!expr)
      return Truth::Unknown;
    switch (expr->kind()) {
    case ExprKind::Bool:
      return expr->boolean() ? Truth::True : Truth::False;
    case ExprKind::Condition:
      return evaluate(expr->name(), expr->location());
    case ExprKind::Equals:
      return equals(expr->arguments());
    case ExprKind::Not:
      return expr->arguments().size() == 1 ? negate(evaluate(expr->arguments()[0]))
                                           : Truth::Unknown;
    case ExprKind::And:
      return combine(expr->arguments(), Truth::False);
    case ExprKind::Or:
      return combine(expr->arguments(), Truth::True);
    default:
      return Truth::Unknown;
    }
  }

  Truth equals(const std::vector<ExprPtr>& arguments) {
    if (arguments.size() != 2)
      return Truth::Unknown;
    ExprFolder folder(results_);
    std::optional<std::string> left = scalarText(folder.fold(arguments[0]));
    std::optional<std::string> right = scalarText(folder.fold(arguments[1]));
    if (!left || !right)
      return Truth::Unknown;
    return *left == *right ? Truth::True : Truth::False;
  }

  static Truth negate(Truth truth) {
    return truth == Truth::Unknown ? truth : truth == Truth::True ? Truth::False : Truth::True;
  }

  // And is decided by any False, Or by any True; otherwise Unknown wins over the identity.
  // Every operand is evaluated so cycles behind a decided operand are still found.
  Truth combine(const std::vector<ExprPtr>& operands, Truth decisive) {
    Truth result = negate(decisive);
    for (const ExprPtr& operand : operands) {
      Truth truth = evaluate(operand);
      if (truth == decisive)
        result = decisive;
      else if (truth == Truth::Unknown && result != decisive)
        result = Truth::Unknown;
    }
    return result;
  }

  const Module& module_;
  Diagnostics& diagnostics_;
  TruthTable results_;
  std::vector<std::string> stack_;
  std::set<std::string> onCycle_;
};

void foldResource(Resource& resource, const ExprFolder& folder) {
  for (ExprPtr* attribute :
       {&resource.properties, &resource.deletionPolicy, &resource.updateReplacePolicy,
        &resource.updatePolicy, &resource.creationPolicy})
    *attribute = folder.fold(*attribute);
}

void reportNeverCreated(const FoldedModule& folded, Diagnostics& diagnostics) {
  for (const Resource& resource : folded.module.resources) {
    if (!resource.condition || folded.truth(resource.condition->name) != Truth::False)
      continue;
    diagnostics.report(Severity::Info, kNeverCreatedRule, resource.condition->location,
                       fmt::format("resource '{}' is never created: its condition '{}' is always "
                                   "false",
                                   resource.logicalId, resource.condition->name));
  }
}

} // namespace

ExprPtr foldExpr(const ExprPtr& expr, const std::map<std::string, Truth, std::less<>>& conditions) {
  return ExprFolder(conditions).fold(expr);
}

FoldedModule foldModule(const Module& module, Diagnostics& diagnostics) {
  FoldedModule folded{ConditionEvaluator(module, diagnostics).evaluateAll(), module};
  ExprFolder folder(folded.conditions);
  for (Resource& resource : folded.module.resources)
    foldResource(resource, folder);
  for (Output& output : folded.module.outputs) {
    output.value = folder.fold(output.value);
    output.exportName = folder.fold(output.exportName);
  }
  for (Condition& condition : folded.module.conditions)
    condition.expression = folder.fold(condition.expression);
  reportNeverCreated(folded, diagnostics);
  return folded;
}

void runFoldConditions(ModuleGraph& graph, Diagnostics& diagnostics, FoldedGraph& folded,
                       unsigned threads) {
  auto byModule = mapModules(graph, diagnostics, threads, [](Module& module, Diagnostics& found) {
    return foldModule(module, found);
  });
  for (FoldedModule& one : byModule)
    folded.modules.insert_or_assign(one.module.name, std::move(one));
}

void runFoldConditions(ModuleGraph& graph, Diagnostics& diagnostics) {
  FoldedGraph discarded;
  runFoldConditions(graph, diagnostics, discarded);
}

} // namespace pm::ir
