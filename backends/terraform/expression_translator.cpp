// Model expression -> HCL (Ref and Fn::GetAtt are in resource_reference.cpp). A Jinja guard's
// condition keeps Python's truth rules (a non-empty string is true).
#include "backends/terraform/expression_translator.h"

#include "ir/expr_text.h"
#include "ir/guard_evaluation.h"
#include "ir/instantiate.h"
#include "ir/target_names.h"

#include <fmt/format.h>

#include <algorithm>

namespace pm::tf {

namespace {

constexpr ir::NamingStyle kSnake{ir::CaseStyle::Snake, 0, "_", "_"};

HclExprPtr parenthesised(const HclExprPtr& expr) {
  if (expr->kind() != HclExpr::Kind::Sequence)
    return expr;
  return HclExpr::sequence({HclExpr::raw("("), expr, HclExpr::raw(")")});
}

HclExprPtr joined(const std::vector<HclExprPtr>& operands, std::string_view separator) {
  std::vector<HclExprPtr> pieces;
  for (std::size_t i = 0; i < operands.size(); ++i) {
    if (i > 0)
      pieces.push_back(HclExpr::raw(std::string(separator)));
    pieces.push_back(parenthesised(operands[i]));
  }
  return HclExpr::sequence(std::move(pieces));
}

} // namespace

std::string inlineText(const HclExprPtr& expr) {
  return printExpression(*expr);
}

std::string ModuleScope::variableName(std::string_view input) const {
  if (const std::string* name =
          identifiers.find(ir::NamingTarget::Terraform, module.name, ir::NamedKind::Input, input))
    return *name;
  return ir::normaliseName(input, kSnake);
}

std::string ModuleScope::localName(ir::NamedKind kind, std::string_view source) const {
  if (const std::string* name =
          identifiers.find(ir::NamingTarget::Terraform, module.name, kind, source))
    return *name;
  return ir::normaliseName(source, kSnake);
}

const LoopFrame* ModuleScope::loopOver(std::string_view collectionKey) const {
  for (auto frame = loops.rbegin(); frame != loops.rend(); ++frame)
    if (frame->collectionKey == collectionKey)
      return &*frame;
  return nullptr;
}

std::string ModuleScope::upstreamVariableName(const ir::UpstreamOutput& output) const {
  return ir::normaliseName(output.module + "_" + output.output, kSnake);
}

HclExprPtr ExpressionTranslator::error(const ir::Expr& expr, std::string message) {
  scope_.diagnostics.error(kUntranslatableRule, expr.location(), std::move(message));
  return hclNull();
}

HclExprPtr ExpressionTranslator::inputValue(const ir::Input& input) {
  HclExprPtr variable = HclExpr::raw("var." + scope_.variableName(input.name));
  const ir::ExprPtr& fallback = input.defaultValue;
  using K = ir::ExprKind;
  bool computed = fallback && fallback->kind() != K::String && fallback->kind() != K::Number &&
                  fallback->kind() != K::Bool && fallback->kind() != K::List &&
                  fallback->kind() != K::Null;
  if (!computed)
    return variable;
  HclExprPtr value = translate(fallback);
  if (inlineText(value) == inlineText(variable))
    return variable; // the default is the schema input of the same name: one variable
  return hclCall("coalesce", {variable, value});
}

// {{resolve:ssm:name[:version]}}, {{resolve:ssm-secure:...}} and
// {{resolve:secretsmanager:id[:SecretString[:json-key[:stage[:version]]]]}} read data sources.
HclExprPtr ExpressionTranslator::dynamicReference(const ir::Expr& expr) {
  std::vector<HclExprPtr> pieces;
  for (const ir::DynamicReferenceSegment& segment : expr.dynamicReference().segments) {
    if (!segment.isReference) {
      pieces.push_back(hclString(segment.text));
      continue;
    }
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (start <= segment.key.size()) {
      std::size_t end = segment.key.find(':', start);
      if (end == std::string::npos)
        end = segment.key.size();
      fields.push_back(segment.key.substr(start, end - start));
      start = end + 1;
    }
    std::string name = ir::normaliseName(fields[0], kSnake);
    if (segment.service == "ssm" || segment.service == "ssm-secure") {
      scope_.lookups[{"aws_ssm_parameter", name}] = {"name", fields[0]};
      pieces.push_back(HclExpr::raw("data.aws_ssm_parameter." + name + ".value"));
    } else if (segment.service == "secretsmanager" && fields.size() <= 3) {
      scope_.lookups[{"aws_secretsmanager_secret_version", name}] = {"secret_id", fields[0]};
      std::string value = "data.aws_secretsmanager_secret_version." + name + ".secret_string";
      pieces.push_back(
          HclExpr::raw(fields.size() == 3 && !fields[2].empty()
                           ? "jsondecode(" + value + ")[" + inlineText(hclString(fields[2])) + "]"
                           : value));
    } else {
      return error(expr, fmt::format("the dynamic reference '{}' has no Terraform translation",
                                     segment.text));
    }
  }
  if (pieces.size() == 1)
    return pieces.front();
  return hclCall("join", {hclString(""), HclExpr::tuple(std::move(pieces))});
}

HclExprPtr ExpressionTranslator::translate(const ir::ExprPtr& pointer) {
  if (!pointer)
    return hclNull();
  const ir::Expr& expr = *pointer;
  using K = ir::ExprKind;
  switch (expr.kind()) {
  case K::String:
    return hclString(expr.text());
  case K::Number: {
    std::string number = hclNumber(expr.number().text);
    return number.empty() ? hclString(expr.number().text) : HclExpr::raw(number);
  }
  case K::Bool:
    return HclExpr::raw(expr.boolean() ? "true" : "false");
  case K::Null:
    return hclNull();
  case K::List:
    return list(expr);
  case K::Map:
    return map(expr);
  case K::Ref:
    return ref(expr.name(), expr.location());
  case K::GetAtt:
    if (expr.getAtt().attributeExpr)
      return error(expr, "Fn::GetAtt with a computed attribute name has no Terraform "
                         "translation");
    return getAtt(expr.getAtt().logicalId, expr.getAtt().attribute, expr.location());
  case K::Sub:
    return sub(expr);
  case K::If: {
    std::string local = scope_.localName(ir::NamedKind::Condition, expr.name());
    return hclConditional(HclExpr::raw("local." + local), translate(expr.arguments()[0]),
                          translate(expr.arguments()[1]));
  }
  case K::Equals:
  case K::And:
  case K::Or:
  case K::Not:
  case K::Condition:
    return condition(pointer);
  case K::InputRef:
    if (const ir::Input* input = scope_.module.findInput(expr.name()))
      return inputValue(*input);
    return HclExpr::raw("var." + scope_.variableName(expr.name()));
  case K::ContextRef:
    return HclExpr::raw("var." + scope_.variableName(expr.name()));
  case K::UpstreamOutputRef: {
    std::string variable = scope_.upstreamVariableName(expr.upstreamOutput());
    scope_.upstreamVariables[variable] =
        expr.upstreamOutput().module + "." + expr.upstreamOutput().output;
    return HclExpr::raw("var." + variable);
  }
  case K::Guarded:
    return hclConditional(
        HclExpr::raw("local." + scope_.localName(ir::NamedKind::Condition, expr.name())),
        translate(expr.arguments()[0]), translate(expr.arguments()[1]));
  case K::LoopItemRef:
    return loopItem(expr);
  case K::Defined:
    return HclExpr::sequence({translate(expr.arguments()[0]), HclExpr::raw(" != null")});
  case K::ForEach:
    return list(*ir::Expr::list({pointer}, expr.location()));
  case K::Unsupported:
    return error(expr, fmt::format("{} cannot be converted to Terraform: {}",
                                   expr.unsupported().construct, expr.unsupported().reason));
  case K::DynamicReference:
    return dynamicReference(expr);
  default:
    return call(expr);
  }
}

HclExprPtr ExpressionTranslator::call(const ir::Expr& expr) {
  using K = ir::ExprKind;
  const auto& arguments = expr.arguments();
  auto argument = [&](std::size_t i) { return translate(arguments.at(i)); };
  switch (expr.kind()) {
  case K::Join:
    return hclCall("join", {argument(0), argument(1)});
  case K::Select:
    return hclCall("element", {argument(1), argument(0)});
  case K::Split:
    return hclCall("split", {argument(0), argument(1)});
  case K::GetAZs:
    scope_.dataSources.insert("aws_availability_zones");
    return HclExpr::raw("data.aws_availability_zones.available.names");
  case K::Cidr: {
    // Fn::Cidr [block, count, bits]: `count` blocks with `bits` host bits each.
    std::string block = inlineText(argument(0));
    return HclExpr::raw(fmt::format(
        "[for index in range({}) : cidrsubnet({}, 32 - {} - tonumber(split(\"/\", {})[1]), "
        "index)]",
        inlineText(argument(1)), block, inlineText(argument(2)), block));
  }
  case K::Base64:
    return hclCall("base64encode", {argument(0)});
  case K::Length:
    return hclCall("length", {argument(0)});
  case K::ToJsonString:
    return hclCall("jsonencode", {argument(0)});
  case K::FindInMap: {
    std::string local =
        scope_.localName(ir::NamedKind::Mapping,
                         arguments.at(0)->kind() == K::String ? arguments.at(0)->text() : "");
    if (arguments.at(0)->kind() != K::String)
      return error(expr, "Fn::FindInMap with a computed mapping name has no Terraform "
                         "translation");
    return HclExpr::raw(
        fmt::format("local.{}[{}][{}]", local, inlineText(argument(1)), inlineText(argument(2))));
  }
  default:
    return error(expr,
                 fmt::format("{} has no Terraform translation", ir::exprKindName(expr.kind())));
  }
}

HclExprPtr ExpressionTranslator::condition(const ir::ExprPtr& pointer) {
  const ir::Expr& expr = *pointer;
  using K = ir::ExprKind;
  std::vector<HclExprPtr> operands;
  switch (expr.kind()) {
  case K::Equals:
    return joined({translate(expr.arguments()[0]), translate(expr.arguments()[1])}, " == ");
  case K::And:
  case K::Or:
    for (const ir::ExprPtr& operand : expr.arguments())
      operands.push_back(condition(operand));
    return joined(operands, expr.kind() == K::And ? " && " : " || ");
  case K::Not:
    return HclExpr::sequence({HclExpr::raw("!"), parenthesised(condition(expr.arguments()[0]))});
  case K::Condition:
    return HclExpr::raw("local." + scope_.localName(ir::NamedKind::Condition, expr.name()));
  default:
    return translate(pointer);
  }
}

HclExprPtr ExpressionTranslator::guardCondition(const ir::ExprPtr& pointer) {
  const ir::Expr& expr = *pointer;
  using K = ir::ExprKind;
  std::vector<HclExprPtr> operands;
  switch (expr.kind()) {
  case K::InputRef:
  case K::ContextRef:
  case K::UpstreamOutputRef:
  case K::LoopItemRef: {
    // Python truth: false, 0, "" and [] are false.
    HclExprPtr value = translate(pointer);
    const ir::Input* input =
        expr.kind() == K::InputRef ? scope_.module.findInput(expr.name()) : nullptr;
    if (input && input->type == ir::InputType::Boolean)
      return value;
    if (input && input->type == ir::InputType::List)
      return HclExpr::sequence({hclCall("length", {value}), HclExpr::raw(" > 0")});
    if (input && (input->type == ir::InputType::Number || input->type == ir::InputType::Integer))
      return HclExpr::sequence({value, HclExpr::raw(" != 0")});
    return HclExpr::sequence(
        {hclCall("coalesce", {hclCall("tostring", {value}), HclExpr::raw("\"\"")}),
         HclExpr::raw(" != \"\"")});
  }
  case K::And:
  case K::Or:
    for (const ir::ExprPtr& operand : expr.arguments())
      operands.push_back(guardCondition(operand));
    return joined(operands, expr.kind() == K::And ? " && " : " || ");
  case K::Not:
    return HclExpr::sequence(
        {HclExpr::raw("!"), parenthesised(guardCondition(expr.arguments()[0]))});
  default:
    return condition(pointer);
  }
}

HclExprPtr ExpressionTranslator::loopItem(const ir::Expr& expr) {
  const std::string& path = expr.name();
  std::size_t dot = path.find('.');
  std::string head = path.substr(0, dot);
  std::string rest = dot == std::string::npos ? "" : path.substr(dot);
  const std::vector<LoopFrame>& loops = scope_.loops;
  for (auto frame = loops.rbegin(); frame != loops.rend(); ++frame)
    if (frame->variable == head)
      return HclExpr::raw(frame->element + rest);
  if (head == "loop" && !loops.empty())
    if (std::optional<std::string> counter = loopCounter(loops.back(), rest.substr(1)))
      return HclExpr::raw(*counter);
  return error(expr, "the Jinja loop variable '" + path +
                         "' has no Terraform translation here (no enclosing loop defines it)");
}

HclExprPtr ExpressionTranslator::list(const ir::Expr& expr) {
  // Items that may be absent (a guard with AWS::NoValue on one side) or repeated (a Jinja loop)
  // make the list a concat() of parts.
  std::vector<HclExprPtr> parts;
  std::vector<HclExprPtr> plain;
  auto flush = [&] {
    if (!plain.empty())
      parts.push_back(HclExpr::tuple(std::move(plain)));
    plain.clear();
  };
  bool variable = false;
  for (const ir::ExprPtr& item : expr.items()) {
    if (item->kind() == ir::ExprKind::Guarded &&
        (ir::isNoValue(item->arguments()[0]) || ir::isNoValue(item->arguments()[1]))) {
      variable = true;
      flush();
      bool presentWhenTrue = !ir::isNoValue(item->arguments()[0]);
      const ir::ExprPtr& value = item->arguments()[presentWhenTrue ? 0 : 1];
      HclExprPtr present = HclExpr::tuple({translate(value)});
      HclExprPtr guard =
          HclExpr::raw("local." + scope_.localName(ir::NamedKind::Condition, item->name()));
      parts.push_back(presentWhenTrue ? hclConditional(guard, present, HclExpr::raw("[]"))
                                      : hclConditional(guard, HclExpr::raw("[]"), present));
      continue;
    }
    if (item->kind() == ir::ExprKind::ForEach) {
      variable = true;
      flush();
      parts.push_back(forExpression(*item));
      continue;
    }
    if (ir::isNoValue(item))
      continue;
    plain.push_back(translate(item));
  }
  flush();
  if (!variable)
    return parts.empty() ? HclExpr::tuple({}) : parts.front();
  return parts.size() == 1 ? parts.front() : hclCall("concat", std::move(parts));
}

// [for index, <item> in <list> : <value>]: a list item repeated per element.
HclExprPtr ExpressionTranslator::forExpression(const ir::Expr& forEach) {
  const ir::ExprPtr& collection = forEach.arguments()[0];
  HclExprPtr list = translate(collection);
  LoopFrame frame =
      forExpressionFrame(forEach.name(), ir::collectionKey(*collection), inlineText(list));
  std::string head = "[for index, " + frame.element + " in ";
  scope_.loops.push_back(std::move(frame));
  HclExprPtr value = translate(forEach.arguments()[1]);
  scope_.loops.pop_back();
  return HclExpr::sequence(
      {HclExpr::raw(head), list, HclExpr::raw(" : "), value, HclExpr::raw("]")});
}

HclExprPtr ExpressionTranslator::map(const ir::Expr& expr) {
  std::vector<HclEntry> entries;
  for (const ir::MapEntry& entry : expr.entries())
    if (!ir::isNoValue(entry.value))
      entries.push_back(HclEntry{entry.key, translate(entry.value)});
  return HclExpr::object(std::move(entries));
}

HclExprPtr ExpressionTranslator::sub(const ir::Expr& expr) {
  const ir::SubTemplate& sub = expr.sub();
  auto variableValue = [&](const ir::SubPart& part) -> HclExprPtr {
    for (const ir::MapEntry& variable : sub.variables)
      if (variable.key == part.name)
        return translate(variable.value);
    if (!part.attribute.empty())
      return getAtt(part.name, part.attribute, part.location);
    return ref(part.name, part.location);
  };
  if (sub.parts.size() == 1 && sub.parts[0].kind == ir::SubPart::Kind::Variable)
    return variableValue(sub.parts[0]);
  // Template strings with quotes inside are valid HCL, but some HCL tools (hcl2json) lose the
  // escapes when they re-read an interpolation: join() of plain strings reads the same.
  bool quoted = std::any_of(sub.parts.begin(), sub.parts.end(), [](const ir::SubPart& part) {
    return part.kind != ir::SubPart::Kind::Variable &&
           part.text.find_first_of("\"\\") != std::string::npos;
  });
  if (quoted) {
    std::vector<HclExprPtr> pieces;
    for (const ir::SubPart& part : sub.parts)
      pieces.push_back(part.kind == ir::SubPart::Kind::Variable
                           ? variableValue(part)
                           : hclString(part.kind == ir::SubPart::Kind::Text
                                           ? part.text
                                           : "${" + part.text + "}"));
    return hclCall("join", {hclString(""), HclExpr::tuple(std::move(pieces))});
  }
  std::string text = "\"";
  for (const ir::SubPart& part : sub.parts) {
    switch (part.kind) {
    case ir::SubPart::Kind::Text:
      text += hclEscape(part.text);
      break;
    case ir::SubPart::Kind::EscapedVariable:
      text += hclEscape("${" + part.text + "}");
      break;
    case ir::SubPart::Kind::Variable: {
      HclExprPtr value = variableValue(part);
      if (!value->singleLine())
        return error(expr, "a Fn::Sub variable whose value spans lines cannot be interpolated");
      text += "${" + inlineText(value) + "}";
      break;
    }
    }
  }
  return HclExpr::raw(text + "\"");
}

} // namespace pm::tf
