// Comparing input constraints.
#include "ir/input_constraints.h"

#include "ir/expr_equality.h"
#include "ir/expr_text.h"
#include "ir/regex_cache.h"

#include <fmt/format.h>

#include <algorithm>
#include <regex>

namespace pm::ir {

namespace {

template <typename T> std::string boundText(const std::optional<T>& bound) {
  return bound ? fmt::format("{}", *bound) : "none";
}

// A lower bound that appeared or rose, or an upper bound that appeared or fell, rejects values
// that were valid.
template <typename T>
void compareBound(const char* name, const std::optional<T>& before, const std::optional<T>& after,
                  bool lower, InputComparison& comparison) {
  if (before == after)
    return;
  bool tighter = after && (!before || (lower ? *after > *before : *after < *before));
  comparison.details.push_back(fmt::format("{}: {} -> {}{}", name, boundText(before),
                                           boundText(after), tighter ? " (tighter)" : ""));
  comparison.breaking = comparison.breaking || tighter;
}

bool listed(const std::vector<ExprPtr>& values, const ExprPtr& value) {
  return std::any_of(values.begin(), values.end(),
                     [&](const ExprPtr& item) { return equalExprs(item, value); });
}

void compareAllowedValues(const Input& before, const Input& after, InputComparison& comparison) {
  for (const ExprPtr& value : before.allowedValues)
    if (!after.allowedValues.empty() && !listed(after.allowedValues, value)) {
      comparison.details.push_back("allowed value removed: " + exprText(value));
      comparison.breaking = true;
    }
  if (before.allowedValues.empty() && !after.allowedValues.empty()) {
    comparison.details.push_back("now restricted to a list of allowed values");
    comparison.breaking = true;
  }
  for (const ExprPtr& value : after.allowedValues)
    if (!before.allowedValues.empty() && !listed(before.allowedValues, value))
      comparison.details.push_back("allowed value added: " + exprText(value));
}

// The old default, which specs relying on it get, checked against the new constraints.
void checkOldDefault(const Input& before, const Input& after, InputComparison& comparison) {
  const ExprPtr& value = before.defaultValue;
  if (!value)
    return;
  bool rejected = !after.allowedValues.empty() && !listed(after.allowedValues, value);
  if (value->kind() == ExprKind::Number) {
    double number = value->number().value;
    rejected = rejected || (after.minimum && number < *after.minimum) ||
               (after.maximum && number > *after.maximum);
  }
  if (value->kind() == ExprKind::String && after.pattern) {
    try {
      rejected = rejected || !std::regex_search(value->text(), *compiledRegex(*after.pattern));
    } catch (const std::regex_error&) {
      // a pattern std::regex cannot read: the schema reader reports it
    }
  }
  if (rejected) {
    comparison.details.push_back("the old default " + exprText(value) +
                                 " breaks the new constraints");
    comparison.breaking = true;
  }
}

} // namespace

InputComparison compareInputs(const Input& before, const Input& after) {
  InputComparison comparison;
  if (before.type != after.type || before.itemType != after.itemType) {
    comparison.details.push_back(
        fmt::format("type: {} -> {}", inputTypeName(before.type), inputTypeName(after.type)));
    comparison.breaking = true;
  }
  if (!before.required && after.required) {
    comparison.details.push_back(after.defaultValue ? "became required (has a default)"
                                                    : "became required");
    comparison.breaking = comparison.breaking || !after.defaultValue;
  } else if (before.required && !after.required) {
    comparison.details.push_back("became optional");
  }
  bool sameDefault = (!before.defaultValue && !after.defaultValue) ||
                     (before.defaultValue && after.defaultValue &&
                      equalExprs(before.defaultValue, after.defaultValue));
  if (!sameDefault)
    comparison.details.push_back(fmt::format(
        "default: {} -> {}", before.defaultValue ? exprText(before.defaultValue) : "none",
        after.defaultValue ? exprText(after.defaultValue) : "none"));
  compareAllowedValues(before, after, comparison);
  compareBound("minimum", before.minimum, after.minimum, true, comparison);
  compareBound("maximum", before.maximum, after.maximum, false, comparison);
  compareBound("minLength", before.minLength, after.minLength, true, comparison);
  compareBound("maxLength", before.maxLength, after.maxLength, false, comparison);
  compareBound("minItems", before.minItems, after.minItems, true, comparison);
  compareBound("maxItems", before.maxItems, after.maxItems, false, comparison);
  if (before.pattern != after.pattern) {
    comparison.details.push_back(fmt::format("pattern: {} -> {}", before.pattern.value_or("none"),
                                             after.pattern.value_or("none")));
    comparison.breaking = comparison.breaking || after.pattern.has_value();
  }
  checkOldDefault(before, after, comparison);
  return comparison;
}

} // namespace pm::ir
