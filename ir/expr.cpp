// Construction, typed access and traversal of expression nodes.
#include "ir/expr.h"

#include "ir/intrinsics.h"

namespace pm::ir {

ExprPtr Expr::make(ExprKind kind, Payload payload, SourceLocation location) {
  // The constructor is private, so std::make_shared cannot reach it.
  return ExprPtr(new Expr(kind, std::move(payload), std::move(location)));
}

ExprPtr Expr::string(std::string text, SourceLocation location) {
  return make(ExprKind::String, std::move(text), std::move(location));
}
ExprPtr Expr::number(std::string text, double value, SourceLocation location) {
  return make(ExprKind::Number, NumberValue{std::move(text), value}, std::move(location));
}
ExprPtr Expr::boolean(bool value, SourceLocation location) {
  return make(ExprKind::Bool, value, std::move(location));
}
ExprPtr Expr::null(SourceLocation location) {
  return make(ExprKind::Null, std::monostate{}, std::move(location));
}
ExprPtr Expr::list(std::vector<ExprPtr> items, SourceLocation location) {
  return make(ExprKind::List, std::move(items), std::move(location));
}
ExprPtr Expr::map(std::vector<MapEntry> entries, SourceLocation location) {
  return make(ExprKind::Map, std::move(entries), std::move(location));
}
ExprPtr Expr::ref(std::string name, SourceLocation location) {
  return make(ExprKind::Ref, IntrinsicCall{std::move(name), {}}, std::move(location));
}
ExprPtr Expr::getAtt(GetAttTarget target, SourceLocation location) {
  return make(ExprKind::GetAtt, std::move(target), std::move(location));
}
ExprPtr Expr::sub(SubTemplate sub, SourceLocation location) {
  return make(ExprKind::Sub, std::move(sub), std::move(location));
}
ExprPtr Expr::call(ExprKind kind, std::vector<ExprPtr> arguments, SourceLocation location) {
  return make(kind, IntrinsicCall{{}, std::move(arguments)}, std::move(location));
}
ExprPtr Expr::ifThen(std::string condition, ExprPtr whenTrue, ExprPtr whenFalse,
                     SourceLocation location) {
  IntrinsicCall call{std::move(condition), {std::move(whenTrue), std::move(whenFalse)}};
  return make(ExprKind::If, std::move(call), std::move(location));
}
ExprPtr Expr::condition(std::string name, SourceLocation location) {
  return make(ExprKind::Condition, IntrinsicCall{std::move(name), {}}, std::move(location));
}
ExprPtr Expr::dynamicReference(DynamicReferenceText text, SourceLocation location) {
  return make(ExprKind::DynamicReference, std::move(text), std::move(location));
}
ExprPtr Expr::inputRef(std::string name, SourceLocation location) {
  return make(ExprKind::InputRef, IntrinsicCall{std::move(name), {}}, std::move(location));
}
ExprPtr Expr::contextRef(std::string path, SourceLocation location) {
  return make(ExprKind::ContextRef, IntrinsicCall{std::move(path), {}}, std::move(location));
}
ExprPtr Expr::upstreamOutputRef(UpstreamOutput target, SourceLocation location) {
  return make(ExprKind::UpstreamOutputRef, std::move(target), std::move(location));
}
ExprPtr Expr::unsupported(UnsupportedConstruct construct, SourceLocation location) {
  return make(ExprKind::Unsupported, std::move(construct), std::move(location));
}

ExprPtr Expr::guarded(std::string variable, ExprPtr whenTrue, ExprPtr whenFalse,
                      SourceLocation location) {
  IntrinsicCall call{std::move(variable), {std::move(whenTrue), std::move(whenFalse)}};
  return make(ExprKind::Guarded, std::move(call), std::move(location));
}
ExprPtr Expr::forEach(std::string variable, ExprPtr collection, ExprPtr item,
                      SourceLocation location) {
  IntrinsicCall call{std::move(variable), {std::move(collection), std::move(item)}};
  return make(ExprKind::ForEach, std::move(call), std::move(location));
}
ExprPtr Expr::loopItemRef(std::string path, SourceLocation location) {
  return make(ExprKind::LoopItemRef, IntrinsicCall{std::move(path), {}}, std::move(location));
}

bool Expr::isIntrinsic() const {
  return findIntrinsic(kind_) != nullptr;
}

const std::string& Expr::text() const {
  return std::get<std::string>(payload_);
}
const NumberValue& Expr::number() const {
  return std::get<NumberValue>(payload_);
}
bool Expr::boolean() const {
  return std::get<bool>(payload_);
}
const std::vector<ExprPtr>& Expr::items() const {
  return std::get<std::vector<ExprPtr>>(payload_);
}
const std::vector<MapEntry>& Expr::entries() const {
  return std::get<std::vector<MapEntry>>(payload_);
}
const std::string& Expr::name() const {
  return std::get<IntrinsicCall>(payload_).name;
}
const std::vector<ExprPtr>& Expr::arguments() const {
  return std::get<IntrinsicCall>(payload_).arguments;
}
const GetAttTarget& Expr::getAtt() const {
  return std::get<GetAttTarget>(payload_);
}
const SubTemplate& Expr::sub() const {
  return std::get<SubTemplate>(payload_);
}
const DynamicReferenceText& Expr::dynamicReference() const {
  return std::get<DynamicReferenceText>(payload_);
}
const UpstreamOutput& Expr::upstreamOutput() const {
  return std::get<UpstreamOutput>(payload_);
}
const UnsupportedConstruct& Expr::unsupported() const {
  return std::get<UnsupportedConstruct>(payload_);
}

const MapEntry* Expr::find(std::string_view key) const {
  for (const MapEntry& entry : entries())
    if (entry.key == key)
      return &entry;
  return nullptr;
}

std::vector<ExprPtr> Expr::children() const {
  std::vector<ExprPtr> out;
  forEachChild([&](const ExprPtr& child) { out.push_back(child); });
  return out;
}

std::string_view exprKindName(ExprKind kind) {
  if (const IntrinsicInfo* info = findIntrinsic(kind))
    return info->longName;
  switch (kind) {
  case ExprKind::String:
    return "string";
  case ExprKind::Number:
    return "number";
  case ExprKind::Bool:
    return "boolean";
  case ExprKind::Null:
    return "null";
  case ExprKind::List:
    return "list";
  case ExprKind::Map:
    return "map";
  case ExprKind::DynamicReference:
    return "dynamic reference";
  case ExprKind::InputRef:
    return "InputRef";
  case ExprKind::ContextRef:
    return "ContextRef";
  case ExprKind::UpstreamOutputRef:
    return "UpstreamOutputRef";
  case ExprKind::Guarded:
    return "Guarded";
  case ExprKind::Defined:
    return "Defined";
  case ExprKind::ForEach:
    return "ForEach";
  case ExprKind::LoopItemRef:
    return "LoopItemRef";
  case ExprKind::Unsupported:
    return "unsupported";
  default:
    return "intrinsic";
  }
}

} // namespace pm::ir
