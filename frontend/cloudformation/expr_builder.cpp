// SyntaxNode -> ir::Expr, driven by the intrinsic table in ir/intrinsics.h.
#include "frontend/cloudformation/expr_builder.h"

#include "frontend/cloudformation/dynamic_reference.h"
#include "frontend/cloudformation/rules.h"
#include "frontend/cloudformation/sub_template.h"
#include "ir/intrinsics.h"

#include <cstdlib>
#include <fmt/format.h>
#include <map>

namespace pm::frontend {

namespace {

using ir::Expr;
using ir::ExprKind;
using ir::ExprPtr;
using Kind = SyntaxNode::Kind;

bool isString(const SyntaxNode& node) {
  return node.kind == Kind::String && node.tag.empty();
}

// Literal values that can never be a list; an intrinsic may still produce one.
bool cannotBeList(const ExprPtr& expr) {
  ExprKind kind = expr->kind();
  return kind == ExprKind::String || kind == ExprKind::Number || kind == ExprKind::Bool ||
         kind == ExprKind::Null || kind == ExprKind::Map;
}

std::string shapeName(const SyntaxNode& node) {
  switch (node.kind) {
  case Kind::Sequence:
    return fmt::format("a list of {}", node.items.size());
  case Kind::Mapping:
    return "a map";
  default:
    return "a scalar";
  }
}

} // namespace

ExprBuilder::ExprBuilder(const std::string& path, const std::string& text,
                         ir::Diagnostics& diagnostics)
    : path_(path), text_(text), lines_(text), diagnostics_(diagnostics) {}

ExprPtr ExprBuilder::build(const SyntaxNode& node, Scope scope) {
  if (node.tag.empty())
    return buildUntagged(node, scope);
  const ir::IntrinsicInfo* info = ir::findIntrinsicByTag(node.tag);
  if (!info)
    return unsupported(node.tag,
                       "unknown YAML tag; CloudFormation knows only the short forms "
                       "of its intrinsic functions",
                       nullptr, node.location);
  // The tagged node is the argument of the short form; without its tag it reads like the
  // value of the long form.
  SyntaxNode argument = node;
  argument.tag.clear();
  return intrinsic(info->kind, argument, node.location, node.tag, scope);
}

ExprPtr ExprBuilder::buildUntagged(const SyntaxNode& node, Scope scope) {
  switch (node.kind) {
  case Kind::Sequence: {
    std::vector<ExprPtr> items;
    for (const SyntaxNode& item : node.items)
      items.push_back(build(item, scope));
    return Expr::list(std::move(items), node.location);
  }
  case Kind::Mapping:
    return mapping(node, scope);
  default:
    return scalar(node);
  }
}

ExprPtr ExprBuilder::scalar(const SyntaxNode& node) {
  switch (node.kind) {
  case Kind::Number:
    return Expr::number(node.text, std::strtod(node.text.c_str(), nullptr), node.location);
  case Kind::Bool:
    return Expr::boolean(node.text == "true" || node.text == "True" || node.text == "TRUE",
                         node.location);
  case Kind::Null:
    return Expr::null(node.location);
  default:
    if (auto dynamic = parseDynamicReferences(node.text))
      return Expr::dynamicReference(std::move(*dynamic), node.location);
    return Expr::string(node.text, node.location);
  }
}

ExprPtr ExprBuilder::mapping(const SyntaxNode& node, Scope scope) {
  if (node.entries.size() == 1) {
    const std::string& key = node.entries.front().first.text;
    bool isConditionRef = key == "Condition" && scope == Scope::Conditions;
    // Fn::ForEach::<Name> (AWS::LanguageExtensions) is the key of a loop, not a function call.
    bool isLoopKey = key.starts_with("Fn::ForEach::");
    if ((key.starts_with("Fn::") && !isLoopKey) || key == "Ref" || isConditionRef)
      return longForm(node, scope);
  }
  std::vector<ir::MapEntry> entries;
  std::map<std::string, ir::SourceLocation> seen;
  for (const auto& [key, value] : node.entries) {
    auto [first, inserted] = seen.emplace(key.text, key.location);
    if (!inserted) {
      // CloudFormation rejects a template with a duplicate key; YAML loaders differ on which
      // copy wins, so we keep the first and report the second.
      auto& diagnostic = diagnostics_.error(
          kTemplateStructureRule, key.location,
          fmt::format("duplicate key '{}'; CloudFormation rejects templates with duplicate "
                      "keys, remove or rename one",
                      key.text));
      diagnostic.notes.push_back({"", ir::Severity::Note, "first written here", first->second, {}});
      continue;
    }
    entries.push_back({key.text, key.location, build(value, scope)});
  }
  return Expr::map(std::move(entries), node.location);
}

ExprPtr ExprBuilder::longForm(const SyntaxNode& node, Scope scope) {
  const auto& [key, argument] = node.entries.front();
  const ir::IntrinsicInfo* info = ir::findIntrinsicByLongName(key.text);
  if (!info) {
    // Fn::ForEach (AWS::LanguageExtensions) and future functions land here.
    return unsupported(key.text, "unknown intrinsic function", &argument, node.location);
  }
  return intrinsic(info->kind, argument, node.location, key.text, scope);
}

ExprPtr ExprBuilder::intrinsic(ExprKind kind, const SyntaxNode& argument,
                               const ir::SourceLocation& location, const std::string& spelling,
                               Scope scope) {
  const ir::IntrinsicInfo& info = *ir::findIntrinsic(kind);
  switch (kind) {
  case ExprKind::Ref:
    return ref(argument, location, spelling);
  case ExprKind::GetAtt:
    return getAtt(argument, location, spelling);
  case ExprKind::Sub:
    return sub(argument, location, spelling);
  case ExprKind::If:
    return ifThen(argument, location, spelling, scope);
  case ExprKind::Condition:
    if (!isString(argument) || argument.text.empty())
      return unsupported(spelling, "expects the name of a condition", &argument, location);
    return Expr::condition(argument.text, location);
  case ExprKind::Transform:
    if (argument.kind != Kind::Mapping)
      return unsupported(spelling, "expects a map with Name and Parameters", &argument, location);
    return Expr::call(kind, {buildUntagged(argument, scope)}, location);
  default:
    break;
  }
  if (info.shape == ir::ArgumentShape::Scalar)
    return Expr::call(kind, {buildUntagged(argument, scope)}, location);
  return listCall(kind, argument, location, spelling, scope);
}

ExprPtr ExprBuilder::ref(const SyntaxNode& argument, const ir::SourceLocation& location,
                         const std::string& spelling) {
  if (!isString(argument) || argument.text.empty())
    return unsupported(spelling,
                       "expects the name of a parameter, resource or pseudo parameter, found " +
                           shapeName(argument),
                       &argument, location);
  return Expr::ref(argument.text, location);
}

ExprPtr ExprBuilder::getAtt(const SyntaxNode& argument, const ir::SourceLocation& location,
                            const std::string& spelling) {
  ir::GetAttTarget target;
  if (isString(argument)) {
    std::size_t dot = argument.text.find('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == argument.text.size())
      return unsupported(spelling, "expects 'LogicalId.AttributeName'", &argument, location);
    target.logicalId = argument.text.substr(0, dot);
    target.attribute = argument.text.substr(dot + 1);
    return Expr::getAtt(std::move(target), location);
  }
  if (argument.kind != Kind::Sequence || argument.items.size() != 2 || !isString(argument.items[0]))
    return unsupported(spelling,
                       "expects [LogicalId, AttributeName] or 'LogicalId.AttributeName', found " +
                           shapeName(argument),
                       &argument, location);
  target.logicalId = argument.items[0].text;
  target.listForm = true;
  const SyntaxNode& attribute = argument.items[1];
  if (isString(attribute)) {
    target.attribute = attribute.text;
  } else {
    target.attributeExpr = build(attribute);
    if (!target.attributeExpr->isIntrinsic())
      return unsupported(spelling, "the attribute name must be a string or a Ref", &argument,
                         location);
  }
  return Expr::getAtt(std::move(target), location);
}

ExprPtr ExprBuilder::sub(const SyntaxNode& argument, const ir::SourceLocation& location,
                         const std::string& spelling) {
  if (isString(argument))
    return Expr::sub(subTemplate(argument), location);
  bool listForm = argument.kind == Kind::Sequence &&
                  (argument.items.size() == 1 || argument.items.size() == 2) &&
                  isString(argument.items[0]) &&
                  (argument.items.size() == 1 ||
                   (argument.items[1].kind == Kind::Mapping && argument.items[1].tag.empty()));
  if (!listForm)
    return unsupported(spelling,
                       "expects a template string or [template string, {variables}], found " +
                           shapeName(argument),
                       &argument, location);
  ir::SubTemplate sub = subTemplate(argument.items[0]);
  sub.listForm = true;
  if (argument.items.size() == 2) {
    ExprPtr variables = buildUntagged(argument.items[1], Scope::Value);
    if (variables->kind() == ExprKind::Map)
      sub.variables = variables->entries();
    else
      return unsupported(spelling, "the variables must be a map of names to values", &argument,
                         location);
  }
  return Expr::sub(std::move(sub), location);
}

ir::SubTemplate ExprBuilder::subTemplate(const SyntaxNode& text) {
  ir::SubTemplate out;
  out.source = text.text;
  // Variables are located by finding their "${" in the source, in order, from the string's
  // start; this holds for plain, quoted and block scalars alike.
  std::size_t cursor = text.offset;
  bool unterminated = false;
  for (ParsedSubPart& parsed : parseSubTemplate(text.text)) {
    parsed.part.location = text.location;
    if (parsed.part.kind == ir::SubPart::Kind::Text) {
      unterminated = unterminated || parsed.part.text.find("${") != std::string::npos;
    } else if (std::size_t found = text_.find("${", cursor); found != std::string::npos) {
      parsed.part.location = lines_.locate(path_, found);
      cursor = found + 2;
    }
    out.parts.push_back(std::move(parsed.part));
  }
  if (unterminated)
    diagnostics_.warning(kTemplateStructureRule, text.location,
                         "Fn::Sub template has a '${' without a closing '}'; CloudFormation "
                         "rejects it (write '${!' for a literal '${')");
  return out;
}

ExprPtr ExprBuilder::ifThen(const SyntaxNode& argument, const ir::SourceLocation& location,
                            const std::string& spelling, Scope scope) {
  if (argument.kind != Kind::Sequence || argument.items.size() != 3 || !isString(argument.items[0]))
    return unsupported(spelling,
                       "expects [ConditionName, valueIfTrue, valueIfFalse], found " +
                           shapeName(argument),
                       &argument, location);
  return Expr::ifThen(argument.items[0].text, build(argument.items[1], scope),
                      build(argument.items[2], scope), location);
}

ExprPtr ExprBuilder::listCall(ExprKind kind, const SyntaxNode& argument,
                              const ir::SourceLocation& location, const std::string& spelling,
                              Scope scope) {
  const ir::IntrinsicInfo& info = *ir::findIntrinsic(kind);
  auto count = static_cast<int>(argument.items.size());
  if (argument.kind != Kind::Sequence || !argument.tag.empty() || count < info.minArguments ||
      count > info.maxArguments) {
    std::string expected =
        info.minArguments == info.maxArguments
            ? fmt::format("a list of {}", info.minArguments)
            : fmt::format("a list of {} to {}", info.minArguments, info.maxArguments);
    return unsupported(spelling, fmt::format("expects {}, found {}", expected, shapeName(argument)),
                       &argument, location);
  }
  bool conditionArguments = kind == ExprKind::And || kind == ExprKind::Or || kind == ExprKind::Not;
  Scope argumentScope = conditionArguments ? Scope::Conditions : scope;
  std::vector<ExprPtr> arguments;
  for (const SyntaxNode& item : argument.items)
    arguments.push_back(build(item, argumentScope));
  if ((kind == ExprKind::Select || kind == ExprKind::Join) && cannotBeList(arguments[1]))
    return unsupported(spelling, "the second argument must be a list", &argument, location);
  return Expr::call(kind, std::move(arguments), location);
}

ExprPtr ExprBuilder::unsupported(const std::string& spelling, const std::string& reason,
                                 const SyntaxNode* original, const ir::SourceLocation& location) {
  diagnostics_.error(kTemplateStructureRule, location,
                     fmt::format("cannot read {}: {}", spelling, reason));
  ir::UnsupportedConstruct construct{spelling, reason, nullptr};
  if (original) {
    // Keep what was written; its own problems were already reported or do not matter now.
    ir::Diagnostics ignored;
    ExprBuilder quiet(path_, text_, ignored);
    construct.original = quiet.buildUntagged(*original, Scope::Value);
  }
  return Expr::unsupported(std::move(construct), location);
}

} // namespace pm::frontend
