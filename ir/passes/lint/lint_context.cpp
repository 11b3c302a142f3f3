// Reporting and the small helpers every rule family uses.
#include "ir/passes/lint/lint_context.h"

#include "ir/expr_text.h"
#include "ir/guard_evaluation.h"
#include "ir/passes/lint/suppressions.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace pm::ir::lint {

namespace {

constexpr std::array<std::string_view, 3> kProfileInputs{"environment", "env", "stage"};
constexpr std::array<std::string_view, 3> kProductionNames{"prod", "production", "prd"};

bool namesProduction(const ExprPtr& value) {
  auto text = scalarText(value);
  if (!text)
    return false;
  for (std::string_view name : kProductionNames)
    if (*text == name)
      return true;
  return false;
}

bool resolvesProduction(const Module& module) {
  for (std::string_view name : kProfileInputs)
    if (const Input* input = module.findInput(name); input && namesProduction(input->defaultValue))
      return true;
  return false;
}

// What a Jinja `if` sees of a default: its text and Python truth.
BoundValue defaultBinding(const ExprPtr& value) {
  switch (value->kind()) {
  case ExprKind::String:
    return {value->text(), value, !value->text().empty()};
  case ExprKind::Number:
    return {value->number().text, value, value->number().value != 0};
  case ExprKind::Bool:
    return {value->boolean() ? "True" : "False", value, value->boolean()};
  case ExprKind::List:
    return {"", value, !value->items().empty()};
  default:
    return {"", value, true};
  }
}

std::map<std::string, bool> guardsByDefaults(const Module& module) {
  if (module.guards.empty())
    return {};
  InputValues values;
  for (const Input& input : module.inputs)
    if (input.defaultValue && !input.isContext)
      values.inputs[input.name] = defaultBinding(input.defaultValue);
  return evaluateGuards(module, values);
}

} // namespace

LintContext::LintContext(const ModuleGraph& graph, const Module& module, const Diagnostics& sources,
                         const LintOptions& options, LintResult& result)
    : graph_(graph), module_(module), sources_(sources), options_(options), result_(result),
      production_(options.production || resolvesProduction(module)),
      defaultGuards_(guardsByDefaults(module)) {}

std::optional<bool> LintContext::guardByDefaults(const std::string& guard) const {
  auto found = defaultGuards_.find(guard);
  if (found == defaultGuards_.end())
    return std::nullopt;
  return found->second;
}

void LintContext::report(std::string_view ruleId, Severity severity, const Resource* resource,
                         SourceLocation location, std::string message) {
  if (!location.known() && resource)
    location = resource->location;
  if (location.file.empty())
    location.file = module_.sourcePath;
  if (isSuppressed(ruleId, resource, location, sources_)) {
    ++result_.suppressed;
    return;
  }
  reportAlways(ruleId, severity, std::move(location), std::move(message));
}

void LintContext::reportAlways(std::string_view ruleId, Severity severity, SourceLocation location,
                               std::string message) {
  Diagnostic finding;
  finding.ruleId = std::string(ruleId);
  finding.severity = severity;
  finding.message = std::move(message);
  finding.location = std::move(location);
  result_.findings.push_back(std::move(finding));
}

void walkModule(const Module& module,
                const std::function<void(const Expr&, const Resource*)>& visit) {
  auto walk = [&](const ExprPtr& root, const Resource* resource) {
    walkExpr(root, [&](const Expr& node) {
      visit(node, resource);
      return true;
    });
  };
  for (const Resource& resource : module.resources)
    for (const ExprPtr& root : {resource.properties, resource.deletionPolicy,
                                resource.updateReplacePolicy, resource.metadata})
      walk(root, &resource);
  for (const Resource& resource : module.resources)
    if (resource.loop)
      walk(resource.loop->collection, &resource);
  for (const Output& output : module.outputs)
    walk(output.value, nullptr);
  for (const Condition& condition : module.conditions)
    walk(condition.expression, nullptr);
  for (const GuardVariable& guard : module.guards)
    walk(guard.condition, nullptr);
  for (const Mapping& mapping : module.mappings)
    walk(mapping.entries, nullptr);
  for (const Input& input : module.inputs)
    walk(input.defaultValue, nullptr); // a CloudFormation parameter's Default may read an input
  for (const MapEntry& section : module.otherSections)
    walk(section.value, nullptr);
  walk(module.metadata, nullptr);
}

void LintContext::forEachExpr(const Module& module, const std::function<void(const Expr&)>& visit) {
  walkModule(module, [&](const Expr& node, const Resource*) { visit(node); });
}

std::string LintContext::guardText(const std::string& guard) const {
  const GuardVariable* variable = module_.findGuard(guard);
  return variable ? exprText(variable->condition) : guard;
}

ExprPtr member(const ExprPtr& map, std::string_view path) {
  ExprPtr current = map;
  while (current && !path.empty()) {
    if (current->kind() != ExprKind::Map)
      return nullptr;
    std::size_t dot = path.find('.');
    const MapEntry* entry = current->find(path.substr(0, dot));
    current = entry ? entry->value : nullptr;
    path = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
  }
  return current;
}

ExprPtr property(const Resource& resource, std::string_view path) {
  return member(resource.properties, path);
}

std::optional<std::string> scalarText(const Expr& value) {
  switch (value.kind()) {
  case ExprKind::String:
    return value.text();
  case ExprKind::Number:
    return value.number().text;
  case ExprKind::Bool:
    return value.boolean() ? "true" : "false";
  default:
    return std::nullopt;
  }
}

std::optional<std::string> scalarText(const ExprPtr& value) {
  if (!value)
    return std::nullopt;
  return scalarText(*value);
}

std::string patternText(const ExprPtr& value) {
  if (value && value->kind() == ExprKind::Sub)
    return value->sub().source;
  return scalarText(value).value_or("");
}

std::vector<ExprPtr> asList(const ExprPtr& value) {
  if (!value)
    return {};
  if (value->kind() == ExprKind::List)
    return value->items();
  return {value};
}

std::string referencedResource(const ExprPtr& value) {
  if (!value)
    return {};
  if (value->kind() == ExprKind::Ref)
    return value->name();
  if (value->kind() == ExprKind::GetAtt)
    return value->getAtt().logicalId;
  return {};
}

bool refersTo(const ExprPtr& tree, const std::string& logicalId) {
  bool found = false;
  walkExpr(tree, [&](const Expr& node) {
    found = found || (node.kind() == ExprKind::Ref && node.name() == logicalId) ||
            (node.kind() == ExprKind::GetAtt && node.getAtt().logicalId == logicalId);
    if (node.kind() == ExprKind::Sub)
      for (const SubPart& part : node.sub().parts)
        found = found || (part.kind == SubPart::Kind::Variable && part.name == logicalId);
    return !found;
  });
  return found;
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::optional<std::string> tagValue(const Resource& resource, std::string_view key) {
  ExprPtr tags = property(resource, "Tags");
  if (tags && tags->kind() == ExprKind::Map)
    return scalarText(member(tags, key));
  for (const ExprPtr& tag : asList(tags))
    if (scalarText(member(tag, "Key")).value_or("") == key)
      return scalarText(member(tag, "Value"));
  return std::nullopt;
}

Severity lowered(Severity severity) {
  switch (severity) {
  case Severity::Error:
    return Severity::Warning;
  case Severity::Warning:
    return Severity::Info;
  default:
    return Severity::Note;
  }
}

} // namespace pm::ir::lint
