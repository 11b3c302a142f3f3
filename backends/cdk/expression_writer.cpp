// Writing model expressions as TypeScript literals shaped by the props (see expression_writer.h);
// references, intrinsics and conditions are in expression_values.cpp.
#include "backends/cdk/expression_writer.h"

#include "backends/cdk/typescript_text.h"
#include "ir/guard_evaluation.h"
#include "ir/target_names.h"

#include <array>

namespace pm::backends::cdk {

using ir::ExprKind;
using ir::ExprPtr;

std::string ExpressionWriter::write(const ExprPtr& expr, PropertyShape shape) const {
  if (!expr)
    return "undefined";
  if (shape.kind() == 'U') {
    for (PropertyShape member : shape.members()) {
      char kind = member.kind();
      bool fits = (expr->kind() == ExprKind::String && kind == 's') ||
                  (expr->kind() == ExprKind::Number && (kind == 'n' || kind == 's')) ||
                  (expr->kind() == ExprKind::Bool && kind == 'b') ||
                  (expr->kind() == ExprKind::List && kind == 'L');
      if (fits)
        return write(expr, member);
      if (expr->kind() == ExprKind::Map && kind == 'S') {
        const CdkStruct* props = classes_.findStruct(member.structId());
        std::string literal = props ? structLiteral(expr, *props) : std::string();
        if (!literal.empty())
          return literal;
      }
    }
    bool literal = expr->kind() == ExprKind::Map || expr->kind() == ExprKind::List ||
                   expr->kind() == ExprKind::String || expr->kind() == ExprKind::Number ||
                   expr->kind() == ExprKind::Bool;
    // A token: as a string where the union has one (an ARN or an ID next to a construct ref).
    for (PropertyShape member : shape.members())
      if (!literal && member.kind() == 's')
        return write(expr, member);
    return untypedLiteral(expr, shape);
  }
  switch (expr->kind()) {
  case ExprKind::String:
    return writeString(expr->text(), shape);
  case ExprKind::Number:
    return writeNumber(expr->number(), shape);
  case ExprKind::Bool:
    return writeBoolean(expr->boolean(), shape);
  case ExprKind::Null:
    return shape.isAny() ? "null" : "(null as any)";
  case ExprKind::List:
    return writeList(expr, shape);
  case ExprKind::Map:
    return writeMap(expr, shape);
  case ExprKind::Guarded:
    return writeGuarded(expr, shape);
  default:
    return convert(value(expr), shape);
  }
}

std::string ExpressionWriter::fallback(const std::string& rawCode, PropertyShape shape) const {
  switch (shape.kind()) {
  case 'j':
    return rawCode;
  case 's':
    return token("asString", rawCode);
  case 'n':
    return token("asNumber", rawCode);
  default:
    break;
  }
  if (shape.isStringList())
    return token("asList", rawCode);
  if (shape.acceptsResolvable())
    return token("asAny", rawCode);
  return "(" + token("asAny", rawCode) + " as any)";
}

std::string ExpressionWriter::untypedLiteral(const ExprPtr& expr, PropertyShape shape) const {
  if (expr->kind() == ExprKind::Map || expr->kind() == ExprKind::List)
    untyped_ = true;
  return fallback(raw(expr), shape);
}

std::string ExpressionWriter::convert(const TsValue& value, PropertyShape shape) const {
  if (value.type == TsType::Any || shape.isAny())
    return value.code;
  switch (shape.kind()) {
  case 's':
    if (value.type == TsType::String)
      return value.code;
    if (value.type == TsType::Number)
      return scope_.lib + ".Tokenization.stringifyNumber(" + value.code + ")";
    return token("asString", value.code);
  case 'n':
    if (value.type == TsType::Number)
      return value.code;
    if (value.origin == TsOrigin::Value)
      return "Number(" + value.code + ")";
    if (value.origin == TsOrigin::Text)
      untyped_ = true;
    return token("asNumber", value.code);
  case 'b':
    if (value.type == TsType::Boolean ||
        (value.type == TsType::Resolvable && shape.acceptsResolvable()))
      return value.code;
    if (value.origin == TsOrigin::Value)
      return "(String(" + value.code + ").toLowerCase() === 'true')";
    if (value.origin == TsOrigin::Text)
      untyped_ = true;
    return fallback(value.code, shape);
  default:
    break;
  }
  if (shape.isStringList())
    return value.type == TsType::StringList ? value.code : token("asList", value.code);
  if (value.type == TsType::Resolvable && shape.acceptsResolvable())
    return value.code;
  return fallback(value.code, shape);
}

std::string ExpressionWriter::writeString(const std::string& text, PropertyShape shape) const {
  switch (shape.kind()) {
  case 's':
  case 'j':
    return tsString(text);
  case 'n':
    if (!tsNumber(text).empty())
      return tsNumber(text);
    untyped_ = true;
    return token("asNumber", tsString(text));
  case 'b': {
    // The YAML 1.1 booleans CloudFormation reads a boolean property as.
    static const std::array<std::string_view, 8> kTrue{"true", "True", "TRUE", "yes",
                                                       "Yes",  "YES",  "on",   "On"};
    static const std::array<std::string_view, 8> kFalse{"false", "False", "FALSE", "no",
                                                        "No",    "NO",    "off",   "Off"};
    for (std::string_view word : kTrue)
      if (text == word)
        return "true";
    for (std::string_view word : kFalse)
      if (text == word)
        return "false";
    untyped_ = true;
    break;
  }
  default:
    break;
  }
  return fallback(tsString(text), shape);
}

std::string ExpressionWriter::writeNumber(const ir::NumberValue& number,
                                          PropertyShape shape) const {
  std::string literal = tsNumber(number.text);
  switch (shape.kind()) {
  case 'j':
    return literal.empty() ? tsString(number.text) : literal;
  case 'n':
    return literal.empty() ? token("asNumber", tsString(number.text)) : literal;
  case 's':
    return tsString(number.text);
  case 'b':
    untyped_ = true;
    return fallback(literal.empty() ? tsString(number.text) : literal, shape);
  default:
    return fallback(literal.empty() ? tsString(number.text) : literal, shape);
  }
}

std::string ExpressionWriter::writeBoolean(bool value, PropertyShape shape) const {
  std::string literal = value ? "true" : "false";
  if (shape.kind() == 'b' || shape.kind() == 'j')
    return literal;
  if (shape.kind() == 's')
    return tsString(literal);
  if (shape.kind() == 'n')
    untyped_ = true;
  return fallback(literal, shape);
}

std::string ExpressionWriter::listItem(const ExprPtr& item, PropertyShape element) const {
  if (item->kind() == ExprKind::Guarded) {
    const auto& branches = item->arguments();
    std::string guard =
        scope_.guards.count(item->name()) ? scope_.guards.at(item->name()) : std::string("false");
    auto branch = [&](const ExprPtr& value) {
      return ir::isNoValue(value) ? std::string("[]") : "[" + write(value, element) + "]";
    };
    return "...(" + guard + " ? " + branch(branches[0]) + " : " + branch(branches[1]) + ")";
  }
  if (item->kind() == ExprKind::ForEach) {
    const auto& arguments = item->arguments();
    ExpressionScope inner = scope_;
    std::string name = ir::normaliseName(item->name(), {ir::CaseStyle::Camel, 0, "", "_"});
    if (name.empty())
      name = "item";
    inner.loops[item->name()] = {name, name + "Index"};
    inner.loops["loop"] = {name, name + "Index"};
    ExpressionWriter writer(classes_, inner, diagnostics_);
    writer.indent_ = indent_;
    std::string collection = convert(value(arguments[0]), kAnyShape);
    // Parentheses: an arrow function's body that starts with `{` would be a block.
    return "...(" + collection + " as any[]).map((" + name + ": any, " + name +
           "Index: number) => (" + writer.write(arguments[1], element) + "))";
  }
  return write(item, element);
}

std::string ExpressionWriter::writeList(const ExprPtr& list, PropertyShape shape) const {
  if (shape.kind() != 'L' && !shape.isAny())
    return untypedLiteral(list, shape);
  PropertyShape element = shape.isAny() ? kAnyShape : shape.element();
  std::vector<std::string> items;
  indent_ += 2;
  for (const ExprPtr& item : list->items())
    items.push_back(listItem(item, element));
  indent_ -= 2;
  return tsLayout(items, "[", "]", indent_);
}

std::string ExpressionWriter::writeMap(const ExprPtr& map, PropertyShape shape) const {
  if (shape.kind() == 'S') {
    const CdkStruct* props = classes_.findStruct(shape.structId());
    std::string literal = props ? structLiteral(map, *props) : std::string();
    return literal.empty() ? untypedLiteral(map, shape) : literal;
  }
  if (shape.kind() != 'M' && !shape.isAny())
    return untypedLiteral(map, shape);
  PropertyShape element = shape.isAny() ? kAnyShape : shape.element();
  std::vector<std::string> entries;
  indent_ += 2;
  for (const ir::MapEntry& entry : map->entries())
    entries.push_back(tsKey(entry.key) + ": " + write(entry.value, element));
  indent_ -= 2;
  return tsLayout(entries, "{", "}", indent_);
}

std::string ExpressionWriter::structLiteral(const ExprPtr& map, const CdkStruct& props) const {
  if (!map || map->kind() != ExprKind::Map)
    return {};
  for (const CdkProperty& property : props.properties) {
    if (!property.required)
      continue;
    bool present = false;
    for (const ir::MapEntry& entry : map->entries())
      present = present || props.find(entry.key) == &property;
    if (!present)
      return {};
  }
  std::vector<std::string> entries;
  indent_ += 2;
  for (const ir::MapEntry& entry : map->entries()) {
    const CdkProperty* property = props.find(entry.key);
    if (!property) {
      indent_ -= 2;
      return {};
    }
    entries.push_back(std::string(property->name) + ": " +
                      write(entry.value, PropertyShape(property->shape)));
  }
  indent_ -= 2;
  return tsLayout(entries, "{", "}", indent_);
}

std::string ExpressionWriter::writeGuarded(const ExprPtr& guarded, PropertyShape shape) const {
  const auto& branches = guarded->arguments();
  auto found = scope_.guards.find(guarded->name());
  std::string guard = found == scope_.guards.end() ? std::string("false") : found->second;
  auto branch = [&](const ExprPtr& value) {
    return ir::isNoValue(value) ? std::string("undefined") : write(value, shape);
  };
  return "(" + guard + " ? " + branch(branches[0]) + " : " + branch(branches[1]) + ")";
}

} // namespace pm::backends::cdk
