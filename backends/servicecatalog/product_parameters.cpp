// Schema inputs to CloudFormation parameters. Constraint names follow the Parameters section
// reference
// (docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html).
#include "backends/servicecatalog/product_parameters.h"

#include "backends/servicecatalog/template_document.h"

#include <array>
#include <optional>

namespace pm::backends::sc {

namespace {

using ir::ExprKind;
using ir::ExprPtr;
using ir::InputType;

struct GroupInfo {
  ParameterGroup group;
  std::string_view label;
};

constexpr std::array<GroupInfo, 4> kGroups{{
    {ParameterGroup::Inputs, "Template inputs"},
    {ParameterGroup::Template, "Template parameters"},
    {ParameterGroup::Context, "Proton context"},
    {ParameterGroup::EnvironmentOutputs, "Environment outputs"},
}};

// The text a literal stands for as a parameter value; Jinja prints booleans as True/False.
std::optional<std::string> scalarText(const ExprPtr& value) {
  if (!value)
    return std::nullopt;
  switch (value->kind()) {
  case ExprKind::String:
    return value->text();
  case ExprKind::Number:
    return value->number().text;
  case ExprKind::Bool:
    return booleanParameterValue(value->boolean());
  default:
    return std::nullopt;
  }
}

ExprPtr defaultValue(const ir::Input& input) {
  if (!input.defaultValue)
    return nullptr;
  if (input.defaultValue->kind() == ExprKind::List) {
    std::string joined;
    for (const ExprPtr& item : input.defaultValue->items())
      joined += (joined.empty() ? "" : ",") + scalarText(item).value_or("");
    return text(joined);
  }
  if (input.defaultValue->kind() == ExprKind::Number && input.cloudFormationType.empty())
    return input.defaultValue;
  auto scalar = scalarText(input.defaultValue);
  return scalar ? text(*scalar) : nullptr;
}

std::string parameterType(const ir::Input& input) {
  if (!input.cloudFormationType.empty())
    return input.cloudFormationType;
  switch (input.type) {
  case InputType::Number:
  case InputType::Integer:
    return "Number";
  case InputType::List:
    return input.itemType == InputType::Number || input.itemType == InputType::Integer
               ? "List<Number>"
               : "CommaDelimitedList";
  default:
    return "String";
  }
}

// Schema patterns match anywhere in the value (JSON Schema's search); CloudFormation matches
// the whole value, so an unanchored side gets ".*".
std::string anchoredPattern(const std::string& pattern) {
  std::string body = pattern;
  bool anchoredStart = !body.empty() && body.front() == '^';
  if (anchoredStart)
    body.erase(0, 1);
  bool anchoredEnd =
      body.size() >= 1 && body.back() == '$' && (body.size() < 2 || body[body.size() - 2] != '\\');
  if (anchoredEnd)
    body.pop_back();
  return std::string("^") + (anchoredStart ? "" : ".*") + "(?:" + body + ")" +
         (anchoredEnd ? "" : ".*") + "$";
}

ExprPtr allowedValues(const ir::Input& input) {
  std::vector<ExprPtr> values;
  for (const ExprPtr& value : input.allowedValues)
    if (auto scalar = scalarText(value))
      values.push_back(text(*scalar));
  if (values.empty() && input.type == InputType::Boolean && input.cloudFormationType.empty())
    values = {text(booleanParameterValue(true)), text(booleanParameterValue(false))};
  return values.empty() ? nullptr : items(std::move(values));
}

ExprPtr definitionOf(const ir::Input& input) {
  std::string type = parameterType(input);
  bool schemaInput = input.cloudFormationType.empty();
  bool isString = type == "String";
  bool isNumber = type == "Number";
  MapBuilder definition;
  definition.add("Type", text(type));
  definition.add("Description", input.description.empty() ? nullptr : text(input.description));
  definition.add("Default", defaultValue(input));
  definition.add("AllowedValues", allowedValues(input));
  if (input.pattern && (isString || !schemaInput))
    definition.add("AllowedPattern",
                   text(schemaInput ? anchoredPattern(*input.pattern) : *input.pattern));
  if (isString || !schemaInput) {
    definition.add("MinLength", input.minLength ? number(double(*input.minLength)) : nullptr);
    definition.add("MaxLength", input.maxLength ? number(double(*input.maxLength)) : nullptr);
  }
  if (isNumber || !schemaInput) {
    definition.add("MinValue", input.minimum ? number(*input.minimum) : nullptr);
    definition.add("MaxValue", input.maximum ? number(*input.maximum) : nullptr);
  }
  definition.add("ConstraintDescription",
                 input.constraintDescription.empty() ? nullptr : text(input.constraintDescription));
  definition.add("NoEcho", input.noEcho ? text("true") : nullptr);
  return definition.build();
}

ParameterGroup groupOf(const ir::Input& input) {
  if (input.isContext)
    return ParameterGroup::Context;
  return input.cloudFormationType.empty() ? ParameterGroup::Inputs : ParameterGroup::Template;
}

std::string referenceKey(const ir::Expr& reference) {
  switch (reference.kind()) {
  case ExprKind::InputRef:
    return "input:" + reference.name();
  case ExprKind::ContextRef:
    return "context:" + reference.name();
  default:
    return "output:" + reference.upstreamOutput().module + "." + reference.upstreamOutput().output;
  }
}

} // namespace

std::string booleanParameterValue(bool value) {
  return value ? "True" : "False";
}

ProductParameters::ProductParameters(const ir::Module& module, const ir::Identifiers& identifiers,
                                     NameRegistry& names)
    : names_(names) {
  // The template's own parameters keep their names: its Refs name them. A schema input of the
  // same name (a parameter defaulting to the input) gets another name.
  auto declareInput = [&](const ir::Input& input, const std::string& wanted) {
    std::string label = input.title.empty() ? input.name : input.title;
    std::string key = (input.isContext ? "context:" : "input:") + input.name;
    declare(key, {names_.claim(wanted), label, groupOf(input), definitionOf(input), &input});
  };
  for (const ir::Input& input : module.inputs)
    if (groupOf(input) == ParameterGroup::Template)
      declareInput(input, input.name);
  for (const ir::Input& input : module.inputs) {
    if (groupOf(input) == ParameterGroup::Template)
      continue;
    const std::string* assigned = identifiers.find(ir::NamingTarget::CloudFormation, module.name,
                                                   ir::NamedKind::Input, input.name);
    declareInput(input, assigned ? *assigned : pascalName(input.name));
  }
}

const ProductParameter& ProductParameters::declare(const std::string& key,
                                                   ProductParameter parameter) {
  byKey_[key] = parameters_.size();
  parameters_.push_back(std::move(parameter));
  return parameters_.back();
}

const ProductParameter& ProductParameters::declareText(const std::string& key,
                                                       const std::string& wanted, std::string label,
                                                       ParameterGroup group,
                                                       std::string description,
                                                       const ir::BoundValue* defaultValue) {
  auto found = byKey_.find(key);
  if (found != byKey_.end())
    return parameters_[found->second];
  ExprPtr definition = MapBuilder()
                           .add("Type", text("String"))
                           .add("Description", text(description))
                           .add("Default", defaultValue ? text(defaultValue->text) : nullptr)
                           .build();
  return declare(key, {names_.claim(wanted), std::move(label), group, definition, nullptr});
}

const ProductParameter& ProductParameters::forReference(const ir::Expr& reference) {
  std::string key = referenceKey(reference);
  auto found = byKey_.find(key);
  if (found != byKey_.end())
    return parameters_[found->second];
  if (reference.kind() == ExprKind::UpstreamOutputRef) {
    const std::string& output = reference.upstreamOutput().output;
    const ir::BoundValue* value = nullptr;
    if (outputValues_) {
      auto given = outputValues_->find(reference.upstreamOutput().module + "." + output);
      value = given == outputValues_->end() ? nullptr : &given->second;
    }
    return declareText(key, "Environment" + pascalName(output), "environment output " + output,
                       ParameterGroup::EnvironmentOutputs,
                       "Output " + output + " of the environment (" +
                           reference.upstreamOutput().module + ")",
                       value);
  }
  return declareText(key, pascalName(reference.name()), reference.name(),
                     reference.kind() == ExprKind::ContextRef ? ParameterGroup::Context
                                                              : ParameterGroup::Inputs,
                     "Proton value " + reference.name());
}

const ProductParameter& ProductParameters::environmentStackName() {
  return declareText("stack:environment", "EnvironmentStackName", "environment stack name",
                     ParameterGroup::EnvironmentOutputs,
                     "Name of the environment product's stack whose exports this template reads");
}

std::map<std::string, std::string> ProductParameters::namesByKey() const {
  std::map<std::string, std::string> names;
  for (const auto& [key, index] : byKey_)
    names[key] = parameters_[index].name;
  return names;
}

ExprPtr ProductParameters::section() const {
  MapBuilder section;
  for (const ProductParameter& parameter : parameters_)
    section.add(parameter.name, parameter.definition);
  return section.empty() ? nullptr : section.build();
}

ExprPtr ProductParameters::interface() const {
  std::vector<ExprPtr> groups;
  for (const GroupInfo& info : kGroups) {
    std::vector<ExprPtr> members;
    for (const ProductParameter& parameter : parameters_)
      if (parameter.group == info.group)
        members.push_back(text(parameter.name));
    if (members.empty())
      continue;
    groups.push_back(
        MapBuilder()
            .add("Label", MapBuilder().add("default", text(std::string(info.label))).build())
            .add("Parameters", items(std::move(members)))
            .build());
  }
  if (groups.empty())
    return nullptr;
  MapBuilder labels;
  for (const ProductParameter& parameter : parameters_)
    labels.add(parameter.name, MapBuilder().add("default", text(parameter.label)).build());
  return MapBuilder()
      .add("ParameterGroups", items(std::move(groups)))
      .add("ParameterLabels", labels.build())
      .build();
}

} // namespace pm::backends::sc
