// Lowering of Proton nodes to CloudFormation intrinsics.
#include "backends/servicecatalog/reference_lowering.h"

#include "backends/servicecatalog/template_document.h"
#include "ir/expr_text.h"
#include "ir/instantiate.h"

namespace pm::backends::sc {

namespace {

using ir::Expr;
using ir::ExprKind;
using ir::ExprPtr;

constexpr const char* kNotLiftedRule = "MIG008";

// In a concatenation every character of a Text part is literal; Fn::Sub reads "${" as the
// start of a variable unless it is written "${!".
std::string escapedSubText(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') {
      out += "{!";
      ++i;
    }
  }
  return out;
}

} // namespace

ExprPtr ReferenceLowering::lower(const ExprPtr& expr) {
  if (!expr)
    return expr;
  switch (expr->kind()) {
  case ExprKind::InputRef:
  case ExprKind::ContextRef:
  case ExprKind::UpstreamOutputRef:
    return reference(*expr);
  case ExprKind::LoopItemRef:
    return loopItem(*expr);
  case ExprKind::Guarded:
    return Expr::ifThen(guards_.forVariable(expr->name()), lower(expr->arguments().at(0)),
                        lower(expr->arguments().at(1)), expr->location());
  case ExprKind::List:
    return list(*expr);
  case ExprKind::Sub:
    return sub(*expr);
  case ExprKind::ForEach:
    return forEachItem(*expr);
  case ExprKind::FindInMap:
    return findInMap(expr);
  case ExprKind::Defined:
    diagnostics_.warning(kNotLiftedRule, expr->location(),
                         "'" + ir::exprText(expr) +
                             "' is used as a value; CloudFormation has no 'is defined' outside "
                             "conditions, the product template uses true");
    return Expr::boolean(true, expr->location());
  default:
    return ir::mapChildren(expr, [this](const ExprPtr& child) { return lower(child); });
  }
}

bool ReferenceLowering::readsReferences(const ExprPtr& value) {
  bool reads = false;
  ir::walkExpr(value, [&](const Expr& node) {
    ExprKind kind = node.kind();
    reads = reads || kind == ExprKind::InputRef || kind == ExprKind::ContextRef ||
            kind == ExprKind::UpstreamOutputRef || kind == ExprKind::Guarded ||
            kind == ExprKind::LoopItemRef || node.isIntrinsic();
    return !reads;
  });
  return reads;
}

ExprPtr ReferenceLowering::findInMap(const ExprPtr& node) {
  const auto& arguments = node->arguments();
  auto literal = [&](std::size_t i) {
    return i < arguments.size() && arguments[i] && arguments[i]->kind() == ExprKind::String;
  };
  const ir::Mapping* mapping =
      mappings_ && literal(0) ? mappings_->findMapping(arguments[0]->text()) : nullptr;
  if (!mapping || !readsReferences(mapping->entries))
    return ir::mapChildren(node, [this](const ExprPtr& child) { return lower(child); });
  ExprPtr value = literal(1) && literal(2)
                      ? mapping->find(arguments[1]->text(), arguments[2]->text())
                      : nullptr;
  if (value && readsReferences(value))
    return lower(value);
  if (!value)
    diagnostics_.warning(kNotLiftedRule, node->location(),
                         "mapping '" + mapping->name +
                             "' holds template inputs, which CloudFormation Mappings cannot; "
                             "this Fn::FindInMap has keys that are not literal, so it reads only "
                             "the entries without inputs");
  return ir::mapChildren(node, [this](const ExprPtr& child) { return lower(child); });
}

ExprPtr ReferenceLowering::reference(const Expr& node) {
  if (node.kind() == ExprKind::UpstreamOutputRef && options_.importEnvironmentOutputs) {
    std::string stack = parameters_.environmentStackName().name;
    return Expr::call(ExprKind::ImportValue,
                      {fnSub("${" + stack + "}-" + node.upstreamOutput().output)}, node.location());
  }
  return Expr::ref(parameters_.forReference(node).name, node.location());
}

ExprPtr ReferenceLowering::loopItem(const Expr& node) {
  if (loop_ && node.name() == loop_->variable)
    return Expr::ref(loop_->identifier, node.location());
  diagnostics_.warning(kNotLiftedRule, node.location(),
                       "the loop value '" + node.name() +
                           "' has no Fn::ForEach equivalent; the product template leaves it "
                           "empty");
  return Expr::string("", node.location());
}

ExprPtr ReferenceLowering::list(const Expr& node) {
  // A list that is exactly one repeated item over a list parameter is that parameter.
  if (node.items().size() == 1 && node.items().front() &&
      node.items().front()->kind() == ExprKind::ForEach) {
    const Expr& each = *node.items().front();
    const ExprPtr& item = each.arguments().at(1);
    if (item && item->kind() == ExprKind::LoopItemRef && item->name() == each.name())
      return lower(each.arguments().at(0));
  }
  std::vector<ExprPtr> items;
  for (const ExprPtr& item : node.items()) {
    if (item && item->kind() == ExprKind::ForEach) {
      forEachItem(*item);
      continue;
    }
    items.push_back(lower(item));
  }
  return Expr::list(std::move(items), node.location());
}

ExprPtr ReferenceLowering::forEachItem(const Expr& node) {
  diagnostics_.warning(kNotLiftedRule, node.location(),
                       "list items repeated by a Jinja loop over '" +
                           ir::exprText(node.arguments().at(0)) +
                           "' cannot be expressed in a CloudFormation list; they are left out "
                           "of the product template");
  return nullptr;
}

std::optional<std::string> ReferenceLowering::subVariableName(const ExprPtr& value) const {
  if (value && value->kind() == ExprKind::Ref)
    return value->name();
  return std::nullopt;
}

// Variables bound to references print the parameter directly (${Name}); other bindings stay
// in the variable map, lowered.
ExprPtr ReferenceLowering::sub(const Expr& node) {
  ir::SubTemplate sub = node.sub();
  bool concatenation = ir::isConcatenation(sub);
  std::map<std::string, std::string> renamed;
  std::vector<ir::MapEntry> kept;
  for (const ir::MapEntry& entry : sub.variables) {
    ExprPtr lowered = lower(entry.value);
    if (auto name = subVariableName(lowered))
      renamed[entry.key] = *name;
    else
      kept.push_back({entry.key, entry.keyLocation, lowered});
  }
  for (ir::SubPart& part : sub.parts) {
    if (part.kind == ir::SubPart::Kind::Variable && part.attribute.empty() &&
        renamed.count(part.name))
      part.name = renamed[part.name];
    else if (part.kind == ir::SubPart::Kind::Text && concatenation)
      part.text = escapedSubText(part.text);
  }
  sub.variables = std::move(kept);
  // '{{ x }}' quoted is a concatenation of one reference: the parameter's text is the value.
  if (concatenation && sub.variables.empty() && sub.parts.size() == 1 &&
      sub.parts.front().kind == ir::SubPart::Kind::Variable && sub.parts.front().attribute.empty())
    return Expr::ref(sub.parts.front().name, node.location());
  sub.source = ir::subSource(sub.parts);
  sub.listForm = !sub.variables.empty();
  return Expr::sub(std::move(sub), node.location());
}

} // namespace pm::backends::sc
