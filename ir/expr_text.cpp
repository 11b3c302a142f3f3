// Short YAML-like text for expressions; deep trees are cut, so the cost stays bounded.
#include "ir/expr_text.h"

#include "ir/instantiate.h"
#include "ir/intrinsics.h"

namespace pm::ir {

namespace {

std::string quoted(const std::string& text) {
  return "\"" + text + "\"";
}

std::string render(const ExprPtr& expr, std::size_t budget);

std::string joinRendered(const std::vector<ExprPtr>& items, std::size_t budget) {
  std::string out;
  for (const ExprPtr& item : items) {
    if (!out.empty())
      out += ", ";
    if (out.size() > budget)
      return out + "...";
    out += render(item, budget - out.size());
  }
  return out;
}

std::string shortTag(ExprKind kind) {
  const IntrinsicInfo* info = findIntrinsic(kind);
  return info ? std::string(info->shortTag) : std::string(exprKindName(kind));
}

std::string render(const ExprPtr& expr, std::size_t budget) {
  if (!expr)
    return "(none)";
  switch (expr->kind()) {
  case ExprKind::String:
    return quoted(expr->text());
  case ExprKind::Number:
    return expr->number().text;
  case ExprKind::Bool:
    return expr->boolean() ? "true" : "false";
  case ExprKind::Null:
    return "null";
  case ExprKind::List:
    return "[" + joinRendered(expr->items(), budget) + "]";
  case ExprKind::Map: {
    std::string out;
    for (const MapEntry& entry : expr->entries())
      out += (out.empty() ? "" : ", ") + entry.key + ": " +
             (out.size() > budget ? "..." : render(entry.value, budget - out.size()));
    return "{" + out + "}";
  }
  case ExprKind::Ref:
  case ExprKind::Condition:
    return shortTag(expr->kind()) + " " + expr->name();
  case ExprKind::GetAtt:
    return "!GetAtt " + expr->getAtt().logicalId + "." +
           (expr->getAtt().attributeExpr ? render(expr->getAtt().attributeExpr, budget)
                                         : expr->getAtt().attribute);
  case ExprKind::Sub:
    // A lifted concatenation has no source text of its own; show it as the Sub it stands for.
    return "!Sub " + quoted(isConcatenation(expr->sub()) ? subSource(expr->sub().parts)
                                                         : expr->sub().source);
  case ExprKind::If:
    return "!If [" + expr->name() + ", " + joinRendered(expr->arguments(), budget) + "]";
  case ExprKind::DynamicReference:
    return quoted(expr->dynamicReference().source);
  case ExprKind::InputRef:
    return "input " + expr->name();
  case ExprKind::ContextRef:
    return "context " + expr->name();
  case ExprKind::UpstreamOutputRef:
    return "output " + expr->upstreamOutput().module + "." + expr->upstreamOutput().output;
  case ExprKind::Unsupported:
    return "unsupported " + expr->unsupported().construct;
  case ExprKind::Guarded:
    return "guarded " + expr->name() + " [" + joinRendered(expr->arguments(), budget) + "]";
  case ExprKind::ForEach:
    return "for " + expr->name() + " in [" + joinRendered(expr->arguments(), budget) + "]";
  case ExprKind::LoopItemRef:
    return "loop item " + expr->name();
  default:
    return shortTag(expr->kind()) + " [" + joinRendered(expr->arguments(), budget) + "]";
  }
}

} // namespace

std::string exprText(const ExprPtr& expr, std::size_t maxLength) {
  std::string text = render(expr, maxLength);
  for (char& c : text)
    if (c == '\n' || c == '\r')
      c = ' ';
  if (text.size() > maxLength)
    text = text.substr(0, maxLength > 3 ? maxLength - 3 : 0) + "...";
  return text;
}

} // namespace pm::ir
