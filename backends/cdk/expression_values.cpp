// Writing model expressions as TypeScript values: references, CloudFormation intrinsics,
// Fn::Sub, conditions, Jinja guards and loop items (see expression_writer.h).
#include "backends/cdk/expression_writer.h"

#include "backends/cdk/typescript_text.h"
#include "ir/instantiate.h"

#include <array>

namespace pm::backends::cdk {

using ir::ExprKind;
using ir::ExprPtr;

namespace {

struct PseudoToken {
  std::string_view parameter;
  std::string_view member; // of cdk.Aws
  TsType type;
};

// cdk.Aws renders each of these as { Ref: <parameter> }.
constexpr std::array kPseudoTokens{
    PseudoToken{"AWS::AccountId", "ACCOUNT_ID", TsType::String},
    PseudoToken{"AWS::NotificationARNs", "NOTIFICATION_ARNS", TsType::StringList},
    PseudoToken{"AWS::NoValue", "NO_VALUE", TsType::String},
    PseudoToken{"AWS::Partition", "PARTITION", TsType::String},
    PseudoToken{"AWS::Region", "REGION", TsType::String},
    PseudoToken{"AWS::StackId", "STACK_ID", TsType::String},
    PseudoToken{"AWS::StackName", "STACK_NAME", TsType::String},
    PseudoToken{"AWS::URLSuffix", "URL_SUFFIX", TsType::String},
};

bool isProtonReference(const ExprPtr& expr) {
  if (!expr)
    return false;
  switch (expr->kind()) {
  case ExprKind::InputRef:
  case ExprKind::ContextRef:
  case ExprKind::UpstreamOutputRef:
  case ExprKind::LoopItemRef:
  case ExprKind::Guarded:
    return true;
  default:
    return false;
  }
}

std::string propertyAccess(const std::string& object, std::string_view path) {
  std::string out = object;
  while (!path.empty()) {
    std::size_t dot = path.find('.');
    std::string_view key = path.substr(0, dot);
    out += isTsIdentifier(key) ? "." + std::string(key) : "[" + tsString(key) + "]";
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  }
  return out;
}

} // namespace

TsValue ExpressionWriter::value(const ExprPtr& expr) const {
  switch (expr->kind()) {
  case ExprKind::Ref:
    return ref(expr->name());
  case ExprKind::GetAtt: {
    const ir::GetAttTarget& target = expr->getAtt();
    std::string attribute = target.attributeExpr ? write(target.attributeExpr, kStringShape)
                                                 : tsString(target.attribute);
    return {fn("getAtt") + "(" + loopName(target.logicalId) + ", " + attribute + ")",
            TsType::Resolvable};
  }
  case ExprKind::Sub:
    return sub(*expr);
  case ExprKind::If: {
    const auto& branches = expr->arguments();
    return {fn("conditionIf") + "(" + tsString(expr->name()) + ", " + raw(branches[0]) + ", " +
                raw(branches[1]) + ")",
            TsType::Resolvable};
  }
  case ExprKind::Equals:
  case ExprKind::And:
  case ExprKind::Or:
  case ExprKind::Not:
  case ExprKind::Condition:
    return conditionFunction(*expr);
  case ExprKind::DynamicReference:
    return {tsString(expr->dynamicReference().source), TsType::String, TsOrigin::Text};
  case ExprKind::InputRef:
  case ExprKind::ContextRef:
  case ExprKind::UpstreamOutputRef:
    return reference(*expr);
  case ExprKind::LoopItemRef:
    return loopItem(expr->name());
  case ExprKind::Defined:
    return {"(" + convert(value(expr->arguments()[0]), kAnyShape) + " !== undefined)",
            TsType::Boolean};
  case ExprKind::Unsupported:
    diagnostics_.warning(kCdkNotCarriedRule, expr->location(),
                         "the construct " + expr->unsupported().construct +
                             " is carried over as written; check it in the generated stack");
    return {expr->unsupported().original ? raw(expr->unsupported().original) : "undefined",
            TsType::Any};
  case ExprKind::ForEach:
  case ExprKind::Guarded:
    diagnostics_.error(kCdkNotCarriedRule, expr->location(),
                       "a Jinja loop or guard outside a list cannot be written in the CDK stack");
    return {"undefined", TsType::Any};
  default:
    return intrinsic(*expr);
  }
}

TsValue ExpressionWriter::ref(const std::string& name) const {
  for (const PseudoToken& pseudo : kPseudoTokens)
    if (pseudo.parameter == name)
      return {scope_.lib + ".Aws." + std::string(pseudo.member), pseudo.type};
  return {fn("ref") + "(" + loopName(name) + ")", TsType::String};
}

TsValue ExpressionWriter::sub(const ir::Expr& expr) const {
  const ir::SubTemplate& template_ = expr.sub();
  bool concatenation = ir::isConcatenation(template_);
  bool tokens = false;                        // a CloudFormation reference is part of the string
  std::map<std::string, std::string> inlined; // variables spelled inside the body
  std::vector<std::string> variables;         // the Fn::Sub variable map
  for (const ir::MapEntry& variable : template_.variables) {
    bool proton = isProtonReference(variable.value);
    if (concatenation || proton)
      inlined[variable.key] = printed(variable.value);
    else
      variables.push_back(tsKey(variable.key) + ": " + write(variable.value, kStringShape));
    tokens = tokens || (concatenation && !proton);
  }
  std::string body;
  std::string text; // the body when nothing is inlined
  bool dynamic = false;
  for (const ir::SubPart& part : template_.parts) {
    switch (part.kind) {
    case ir::SubPart::Kind::Text:
      body += tsTemplateText(part.text);
      text += part.text;
      break;
    case ir::SubPart::Kind::EscapedVariable: {
      std::string written = concatenation ? "${" + part.text + "}" : "${!" + part.text + "}";
      body += tsTemplateText(written);
      text += written;
      break;
    }
    case ir::SubPart::Kind::Variable: {
      std::string name = part.name + (part.attribute.empty() ? "" : "." + part.attribute);
      auto bound = inlined.find(part.name);
      if (bound != inlined.end()) {
        body += "${" + bound->second + "}";
        dynamic = true;
      } else if (concatenation) {
        tokens = true;
        TsValue target = part.attribute.empty() ? ref(part.name)
                                                : TsValue{fn("getAtt") + "(" + tsString(part.name) +
                                                              ", " + tsString(part.attribute) + ")",
                                                          TsType::Resolvable};
        body += "${" + convert(target, kStringShape) + "}";
        dynamic = true;
      } else {
        body += "\\${" + name + "}";
        text += "${" + name + "}";
      }
      break;
    }
    }
  }
  if (concatenation) // text and Proton values only: a plain string when the app runs
    return {dynamic ? "`" + body + "`" : tsString(text), TsType::String,
            tokens ? TsOrigin::Token : TsOrigin::Value};
  std::string source = dynamic ? "`" + body + "`"
                               : tsString(template_.source.empty() ? ir::subSource(template_.parts)
                                                                   : template_.source);
  if (variables.empty())
    return {fn("sub") + "(" + source + ")", TsType::String};
  return {fn("sub") + "(" + source + ", " + tsLayout(variables, "{", "}", indent_) + ")",
          TsType::String};
}

// Jinja prints a Python boolean as True or False, where JavaScript would write true or false.
std::string ExpressionWriter::printed(const ExprPtr& expr) const {
  TsValue written = value(expr);
  if (written.type == TsType::Boolean && written.origin == TsOrigin::Value)
    return "(" + written.code + " ? 'True' : 'False')";
  return convert(written, kStringShape);
}

TsValue ExpressionWriter::intrinsic(const ir::Expr& expr) const {
  const auto& a = expr.arguments();
  auto call = [&](const std::string& name, std::vector<std::string> arguments, TsType type) {
    return TsValue{fn(name) + "(" + tsJoin(arguments, ", ") + ")", type};
  };
  switch (expr.kind()) {
  // Fn.join, Fn.select and Fn.split compute their result at synthesis when the arguments are
  // literals; the template keeps the call as Proton deployed it.
  case ExprKind::Join:
    return {token("asString", "{ 'Fn::Join': [" + write(a[0], kStringShape) + ", " +
                                  write(a[1], kStringListShape) + "] }"),
            TsType::String};
  case ExprKind::Select:
    return {token("asString", "{ 'Fn::Select': [" + write(a[0], kAnyShape) + ", " +
                                  write(a[1], kStringListShape) + "] }"),
            TsType::String};
  case ExprKind::Split:
    return {token("asList", "{ 'Fn::Split': [" + write(a[0], kStringShape) + ", " +
                                write(a[1], kStringShape) + "] }"),
            TsType::StringList};
  case ExprKind::FindInMap: {
    std::vector<std::string> arguments;
    for (std::size_t i = 0; i < a.size() && i < 3; ++i)
      arguments.push_back(write(a[i], kStringShape));
    if (a.size() <= 3)
      return call("findInMap", arguments, TsType::String);
    // Fn.findInMap with a default adds AWS::LanguageExtensions a second time, which turns
    // the template's Transform into a list; the template already names the transform.
    arguments.push_back(raw(a[3]));
    return {token("asString", "{ 'Fn::FindInMap': [" + tsJoin(arguments, ", ") + "] }"),
            TsType::String};
  }
  case ExprKind::GetAZs:
    return call("getAzs", {write(a[0], kStringShape)}, TsType::StringList);
  case ExprKind::Cidr:
    return call("cidr",
                {write(a[0], kStringShape), write(a[1], kNumberShape), write(a[2], kStringShape)},
                TsType::StringList);
  case ExprKind::ImportValue:
    return call("importValue", {write(a[0], kStringShape)}, TsType::String);
  case ExprKind::Base64:
    return call("base64", {write(a[0], kStringShape)}, TsType::String);
  case ExprKind::Length:
    // Fn.len counts a literal list at synthesis; the template keeps the call.
    return {token("asNumber", "{ 'Fn::Length': " + raw(a[0]) + " }"), TsType::Number};
  case ExprKind::ToJsonString:
    // Fn.toJsonString folds token-free values into a plain string; the template keeps the call.
    return {token("asString", "{ 'Fn::ToJsonString': " + raw(a[0]) + " }"), TsType::String};
  case ExprKind::Transform:
    return {token("asAny", "{ 'Fn::Transform': " + raw(a[0]) + " }"), TsType::Resolvable};
  default:
    diagnostics_.error(kCdkNotCarriedRule, expr.location(),
                       std::string(ir::exprKindName(expr.kind())) +
                           " cannot be written in a CDK stack");
    return {"undefined", TsType::Any};
  }
}

std::string ExpressionWriter::condition(const ExprPtr& expr) const {
  TsValue written = value(expr);
  return written.type == TsType::Resolvable ? written.code : token("asAny", written.code);
}

TsValue ExpressionWriter::conditionFunction(const ir::Expr& expr) const {
  const auto& a = expr.arguments();
  switch (expr.kind()) {
  case ExprKind::Equals:
    return {fn("conditionEquals") + "(" + raw(a[0]) + ", " + raw(a[1]) + ")", TsType::Resolvable};
  case ExprKind::Not:
    return {fn("conditionNot") + "(" + condition(a[0]) + ")", TsType::Resolvable};
  case ExprKind::And:
  case ExprKind::Or: {
    std::vector<std::string> operands;
    for (const ExprPtr& operand : a)
      operands.push_back(condition(operand));
    std::string name = expr.kind() == ExprKind::And ? "conditionAnd" : "conditionOr";
    return {fn(name) + "(" + tsJoin(operands, ", ") + ")", TsType::Resolvable};
  }
  default: {
    auto found = scope_.conditions.find(expr.name());
    if (found != scope_.conditions.end())
      return {found->second, TsType::Resolvable};
    return {token("asAny", "{ Condition: " + tsString(expr.name()) + " }"), TsType::Resolvable};
  }
  }
}

TsValue ExpressionWriter::reference(const ir::Expr& expr) const {
  const std::map<std::string, TsValue>* table = &scope_.inputs;
  std::string key = expr.kind() == ExprKind::UpstreamOutputRef
                        ? expr.upstreamOutput().module + "." + expr.upstreamOutput().output
                        : expr.name();
  if (expr.kind() == ExprKind::ContextRef)
    table = &scope_.context;
  else if (expr.kind() == ExprKind::UpstreamOutputRef)
    table = &scope_.upstreamOutputs;
  auto found = table->find(key);
  if (found != table->end())
    return found->second;
  diagnostics_.error(kCdkNotCarriedRule, expr.location(),
                     "the reference " + key + " has no prop in the CDK stack");
  return {"undefined", TsType::Any};
}

TsValue ExpressionWriter::loopItem(const std::string& path) const {
  std::size_t dot = path.find('.');
  std::string variable = path.substr(0, dot);
  std::string rest = dot == std::string::npos ? std::string() : path.substr(dot + 1);
  auto found = scope_.loops.find(variable);
  if (found == scope_.loops.end()) {
    diagnostics_.error(kCdkNotCarriedRule, {}, "the loop value " + path + " is not in a loop");
    return {"undefined", TsType::Any};
  }
  if (variable == "loop") {
    const std::string& index = found->second.index;
    if (rest == "index")
      return {"(" + index + " + 1)", TsType::Number, TsOrigin::Value};
    if (rest == "index0")
      return {index, TsType::Number, TsOrigin::Value};
    if (rest == "first")
      return {"(" + index + " === 0)", TsType::Boolean, TsOrigin::Value};
    diagnostics_.error(kCdkNotCarriedRule, {}, "loop." + rest + " cannot be written in CDK");
    return {"undefined", TsType::Any};
  }
  return {propertyAccess(found->second.item, rest), TsType::Any, TsOrigin::Value};
}

std::string ExpressionWriter::loopName(const std::string& name) const {
  if (name.find("${") == std::string::npos)
    return tsString(name);
  std::string out = "`";
  std::size_t at = 0;
  while (at < name.size()) {
    std::size_t open = name.find("${", at);
    std::size_t close = open == std::string::npos ? open : name.find('}', open);
    if (close == std::string::npos) {
      out += tsTemplateText(name.substr(at));
      break;
    }
    out += tsTemplateText(name.substr(at, open - at));
    out += "${" + loopItem(name.substr(open + 2, close - open - 2)).code + "}";
    at = close + 1;
  }
  return out + "`";
}

std::string ExpressionWriter::guardCondition(const ExprPtr& expr) const {
  switch (expr->kind()) {
  case ExprKind::Bool:
    return expr->boolean() ? "true" : "false";
  case ExprKind::String:
  case ExprKind::Number:
    return "jinjaTruth(" + raw(expr) + ")";
  case ExprKind::Not:
    return "!" + guardCondition(expr->arguments()[0]);
  case ExprKind::And:
  case ExprKind::Or: {
    std::vector<std::string> operands;
    for (const ExprPtr& operand : expr->arguments())
      operands.push_back(guardCondition(operand));
    return "(" + tsJoin(operands, expr->kind() == ExprKind::And ? " && " : " || ") + ")";
  }
  case ExprKind::Equals:
    return "jinjaEquals(" + raw(expr->arguments()[0]) + ", " + raw(expr->arguments()[1]) + ")";
  case ExprKind::Defined:
    return value(expr).code;
  default:
    return "jinjaTruth(" + convert(value(expr), kAnyShape) + ")";
  }
}

} // namespace pm::backends::cdk
