// Value-domain evaluation (lint-rules.md §1.1): the values a property can take are its literal,
// or, for an input, the spec value (rendered mode folds it into a literal), the schema default,
// and every enum member. Branches of Fn::If and of parametric guards contribute both sides.
// Anything else is unknown, and an unknown value never produces an error.
#pragma once

#include "ir/diagnostics.h"
#include "ir/module.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace pm::ir::lint {

enum class ValueOrigin {
  Literal,
  Default,
  EnumMember,
  GuardedBranch, // under a parametric guard the inputs' defaults do not take
};

struct PossibleValue {
  ExprPtr value;
  ValueOrigin origin = ValueOrigin::Literal;
  std::string input; // the input the value comes from (Default, EnumMember), or the guard
};

struct ValueDomain {
  std::vector<PossibleValue> values;
  bool unknown = false; // some branch could not be evaluated
};

class LintContext;

ValueDomain valueDomain(const ExprPtr& expr, const LintContext& context);

// The possible value that violates `violates`, preferring one reachable without choosing a
// non-default enum member; nothing when none does.
std::optional<PossibleValue> findViolation(const ValueDomain& domain,
                                           const std::function<bool(const Expr&)>& violates);

// A violation reachable only through a non-default enum member or a guard branch the defaults
// do not take is reported one level lower.
Severity severityFor(Severity severity, const PossibleValue& value);
// " (the default of input X)", " (input X permits it)", " (when guard G flips: another input
// value permits it)" or "" for a literal.
std::string provenance(const PossibleValue& value);

} // namespace pm::ir::lint
