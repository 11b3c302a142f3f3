// Collecting the possible values of an expression.
#include "ir/passes/lint/value_domain.h"

#include "ir/guard_evaluation.h"
#include "ir/instantiate.h"
#include "ir/passes/lint/lint_context.h"

namespace pm::ir::lint {

namespace {

void collect(const ExprPtr& expr, const LintContext& context, ValueDomain& domain);

void collectInput(const Input& input, ValueDomain& domain) {
  if (input.defaultValue)
    domain.values.push_back({input.defaultValue, ValueOrigin::Default, input.name});
  for (const ExprPtr& member : input.allowedValues)
    domain.values.push_back({member, ValueOrigin::EnumMember, input.name});
  if (!input.defaultValue && input.allowedValues.empty())
    domain.unknown = true;
}

// Fn::If: [whenTrue, whenFalse]; an absent branch (Ref AWS::NoValue) adds nothing.
void collectBranches(const Expr& expr, const LintContext& context, ValueDomain& domain) {
  for (const ExprPtr& branch : expr.arguments())
    if (!isNoValue(branch))
      collect(branch, context, domain);
}

// Guarded: the branch the inputs' defaults take keeps its values' origins; the other one's
// values need another input value.
void collectGuarded(const Expr& expr, const LintContext& context, ValueDomain& domain) {
  std::optional<bool> taken = context.guardByDefaults(expr.name());
  for (std::size_t index = 0; index < expr.arguments().size(); ++index) {
    const ExprPtr& branch = expr.arguments()[index];
    if (isNoValue(branch))
      continue;
    ValueDomain inner;
    collect(branch, context, inner);
    domain.unknown = domain.unknown || inner.unknown;
    bool offDefault = taken && *taken != (index == 0);
    for (PossibleValue& possible : inner.values) {
      if (offDefault)
        possible = {possible.value, ValueOrigin::GuardedBranch, context.guardText(expr.name())};
      domain.values.push_back(std::move(possible));
    }
  }
}

// The parametric reader writes a quoted `"{{ input }}"` as a Fn::Sub concatenation of one
// variable: its value is the variable's.
ExprPtr soleVariable(const SubTemplate& sub) {
  if (!isConcatenation(sub) || sub.parts.size() != 1 ||
      sub.parts[0].kind != SubPart::Kind::Variable || sub.variables.size() != 1)
    return nullptr;
  return sub.variables[0].value;
}

void collect(const ExprPtr& expr, const LintContext& context, ValueDomain& domain) {
  const Module& module = context.module();
  if (!expr) {
    domain.unknown = true;
    return;
  }
  switch (expr->kind()) {
  case ExprKind::String:
  case ExprKind::Number:
  case ExprKind::Bool:
    domain.values.push_back({expr, ValueOrigin::Literal, {}});
    return;
  case ExprKind::InputRef:
  case ExprKind::Ref:
    if (const Input* input = module.findInput(expr->name()); input && !input->isContext)
      return collectInput(*input, domain);
    domain.unknown = true;
    return;
  case ExprKind::Sub:
    if (ExprPtr variable = soleVariable(expr->sub()))
      return collect(variable, context, domain);
    domain.unknown = true;
    return;
  case ExprKind::If:
    return collectBranches(*expr, context, domain);
  case ExprKind::Guarded:
    return collectGuarded(*expr, context, domain);
  default:
    domain.unknown = true;
  }
}

} // namespace

ValueDomain valueDomain(const ExprPtr& expr, const LintContext& context) {
  ValueDomain domain;
  collect(expr, context, domain);
  return domain;
}

std::optional<PossibleValue> findViolation(const ValueDomain& domain,
                                           const std::function<bool(const Expr&)>& violates) {
  std::optional<PossibleValue> throughEnum;
  for (const PossibleValue& possible : domain.values) {
    if (!violates(*possible.value))
      continue;
    if (possible.origin != ValueOrigin::EnumMember && possible.origin != ValueOrigin::GuardedBranch)
      return possible;
    if (!throughEnum)
      throughEnum = possible;
  }
  return throughEnum;
}

Severity severityFor(Severity severity, const PossibleValue& value) {
  bool offDefault =
      value.origin == ValueOrigin::EnumMember || value.origin == ValueOrigin::GuardedBranch;
  return offDefault ? lowered(severity) : severity;
}

std::string provenance(const PossibleValue& value) {
  switch (value.origin) {
  case ValueOrigin::Default:
    return " (the default of input '" + value.input + "')";
  case ValueOrigin::EnumMember:
    return " (input '" + value.input + "' permits it)";
  case ValueOrigin::GuardedBranch:
    return " (only when the Jinja condition `" + value.input +
           "` differs from what the defaults give: other input values permit it)";
  default:
    return "";
  }
}

} // namespace pm::ir::lint
