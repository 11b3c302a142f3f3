// What a decided guard says about its inputs.
#include "frontend/parametric/guard_inputs.h"

#include "frontend/cloudformation/template_values.h"

#include <algorithm>

namespace pm::frontend {

namespace {

bool isReference(const ir::ExprPtr& expr) {
  return expr && isBindableReference(*expr);
}

bool isBooleanInput(const std::string& name, const std::vector<ir::Input>& declared) {
  return std::any_of(declared.begin(), declared.end(), [&](const ir::Input& input) {
    return input.name == name && input.type == ir::InputType::Boolean;
  });
}

void pinEquality(const ir::ExprPtr& left, const ir::ExprPtr& right, bool holds,
                 std::vector<PinnedValue>& pinned) {
  const ir::ExprPtr& reference = isReference(left) ? left : right;
  const ir::ExprPtr& literal = isReference(left) ? right : left;
  if (!isReference(reference))
    return;
  if (auto text = scalarText(literal))
    pinned.push_back({reference, *text, holds ? Pin::Equal : Pin::NotEqual});
}

void pin(const ir::ExprPtr& condition, bool holds, const std::vector<ir::Input>& declared,
         std::vector<PinnedValue>& pinned) {
  if (!condition)
    return;
  switch (condition->kind()) {
  case ir::ExprKind::InputRef:
    if (isBooleanInput(condition->name(), declared))
      pinned.push_back({condition, holds ? "true" : "false", Pin::Equal});
    return;
  case ir::ExprKind::Defined:
    // Holding says only that some value was given; the resources it guards carry which.
    if (!holds && isReference(condition->arguments()[0]))
      pinned.push_back({condition->arguments()[0], "", Pin::Undefined});
    return;
  case ir::ExprKind::Not:
    return pin(condition->arguments()[0], !holds, declared, pinned);
  case ir::ExprKind::And:
  case ir::ExprKind::Or:
    if (holds == (condition->kind() == ir::ExprKind::And))
      for (const ir::ExprPtr& operand : condition->arguments())
        pin(operand, holds, declared, pinned);
    return;
  case ir::ExprKind::Equals:
    pinEquality(condition->arguments()[0], condition->arguments()[1], holds, pinned);
    return;
  default:
    return;
  }
}

} // namespace

bool isBindableReference(const ir::Expr& expr) {
  return expr.kind() == ir::ExprKind::InputRef || expr.kind() == ir::ExprKind::ContextRef ||
         expr.kind() == ir::ExprKind::UpstreamOutputRef;
}

std::vector<PinnedValue> valuesPinnedBy(const ir::ExprPtr& condition, bool holds,
                                        const std::vector<ir::Input>& declared) {
  std::vector<PinnedValue> pinned;
  pin(condition, holds, declared, pinned);
  return pinned;
}

} // namespace pm::frontend
