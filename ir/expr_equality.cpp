// Structural equality of expressions and modules.
#include "ir/expr_equality.h"

#include <functional>

namespace pm::ir {

namespace {

template <typename T, typename Equal>
bool equalLists(const std::vector<T>& a, const std::vector<T>& b, Equal equal) {
  if (a.size() != b.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!equal(a[i], b[i]))
      return false;
  return true;
}

bool equalEntries(const std::vector<MapEntry>& a, const std::vector<MapEntry>& b) {
  return equalLists(a, b, [](const MapEntry& x, const MapEntry& y) {
    return x.key == y.key && equalExprs(x.value, y.value);
  });
}

bool equalNames(const std::vector<LocatedName>& a, const std::vector<LocatedName>& b) {
  return equalLists(a, b,
                    [](const LocatedName& x, const LocatedName& y) { return x.name == y.name; });
}

bool equalName(const std::optional<LocatedName>& a, const std::optional<LocatedName>& b) {
  return a.has_value() == b.has_value() && (!a || a->name == b->name);
}

bool equalSubParts(const SubPart& a, const SubPart& b) {
  return a.kind == b.kind && a.text == b.text && a.name == b.name && a.attribute == b.attribute;
}

bool equalSubs(const SubTemplate& a, const SubTemplate& b) {
  return equalLists(a.parts, b.parts, equalSubParts) && equalEntries(a.variables, b.variables);
}

bool equalGetAtts(const GetAttTarget& a, const GetAttTarget& b) {
  return a.logicalId == b.logicalId && a.attribute == b.attribute && a.listForm == b.listForm &&
         equalExprs(a.attributeExpr, b.attributeExpr);
}

bool equalDynamicReferences(const DynamicReferenceText& a, const DynamicReferenceText& b) {
  return a.source == b.source;
}

bool equalPayloads(const Expr& a, const Expr& b) {
  switch (a.kind()) {
  case ExprKind::String:
    return a.text() == b.text();
  case ExprKind::Number:
    return a.number().text == b.number().text;
  case ExprKind::Bool:
    return a.boolean() == b.boolean();
  case ExprKind::Null:
    return true;
  case ExprKind::List:
    return equalLists(a.items(), b.items(), equalExprs);
  case ExprKind::Map:
    return equalEntries(a.entries(), b.entries());
  case ExprKind::Ref:
  case ExprKind::Condition:
  case ExprKind::InputRef:
  case ExprKind::ContextRef:
  case ExprKind::LoopItemRef:
    return a.name() == b.name();
  case ExprKind::GetAtt:
    return equalGetAtts(a.getAtt(), b.getAtt());
  case ExprKind::Sub:
    return equalSubs(a.sub(), b.sub());
  case ExprKind::If:
  case ExprKind::Guarded:
  case ExprKind::ForEach:
    return a.name() == b.name() && equalLists(a.arguments(), b.arguments(), equalExprs);
  case ExprKind::DynamicReference:
    return equalDynamicReferences(a.dynamicReference(), b.dynamicReference());
  case ExprKind::UpstreamOutputRef:
    return a.upstreamOutput().module == b.upstreamOutput().module &&
           a.upstreamOutput().output == b.upstreamOutput().output;
  case ExprKind::Unsupported:
    return a.unsupported().construct == b.unsupported().construct &&
           equalExprs(a.unsupported().original, b.unsupported().original);
  default: // Join..Transform: plain arguments
    return equalLists(a.arguments(), b.arguments(), equalExprs);
  }
}

} // namespace

bool equalExprs(const ExprPtr& a, const ExprPtr& b) {
  if (!a || !b)
    return !a && !b;
  return a->kind() == b->kind() && equalPayloads(*a, *b);
}

bool equalResources(const Resource& a, const Resource& b) {
  return a.logicalId == b.logicalId && a.type == b.type && equalExprs(a.properties, b.properties) &&
         equalNames(a.dependsOn, b.dependsOn) && equalName(a.condition, b.condition) &&
         equalExprs(a.deletionPolicy, b.deletionPolicy) &&
         equalExprs(a.updateReplacePolicy, b.updateReplacePolicy) &&
         equalExprs(a.updatePolicy, b.updatePolicy) &&
         equalExprs(a.creationPolicy, b.creationPolicy) && equalExprs(a.metadata, b.metadata) &&
         equalEntries(a.otherAttributes, b.otherAttributes);
}

bool equalOutputs(const Output& a, const Output& b) {
  return a.name == b.name && equalExprs(a.value, b.value) && a.description == b.description &&
         equalExprs(a.exportName, b.exportName) && equalName(a.condition, b.condition);
}

bool equalConditions(const Condition& a, const Condition& b) {
  return a.name == b.name && equalExprs(a.expression, b.expression);
}

bool equalMappings(const Mapping& a, const Mapping& b) {
  return a.name == b.name && equalExprs(a.entries, b.entries);
}

bool equalModules(const Module& a, const Module& b) {
  return a.formatVersion == b.formatVersion && a.description == b.description &&
         a.transforms == b.transforms && equalExprs(a.metadata, b.metadata) &&
         equalLists(a.resources, b.resources, equalResources) &&
         equalLists(a.outputs, b.outputs, equalOutputs) &&
         equalLists(a.conditions, b.conditions, equalConditions) &&
         equalLists(a.mappings, b.mappings, equalMappings) &&
         equalEntries(a.otherSections, b.otherSections);
}

} // namespace pm::ir
