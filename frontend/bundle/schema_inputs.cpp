// Schema property -> ir::Input.
#include "frontend/bundle/schema_inputs.h"

namespace pm::frontend {

namespace {

struct TypeMapping {
  PropertyType property;
  ir::InputType input;
};
// Object properties have no input type of their own; the schema reader already warned about
// them, and they travel as strings.
constexpr TypeMapping kTypeMappings[] = {{PropertyType::String, ir::InputType::String},
                                         {PropertyType::Number, ir::InputType::Number},
                                         {PropertyType::Integer, ir::InputType::Integer},
                                         {PropertyType::Boolean, ir::InputType::Boolean},
                                         {PropertyType::Array, ir::InputType::List},
                                         {PropertyType::Object, ir::InputType::String}};

ir::InputType inputType(PropertyType type) {
  for (const auto& mapping : kTypeMappings)
    if (mapping.property == type)
      return mapping.input;
  return ir::InputType::String;
}

ir::ExprPtr literal(const jinja::Value& value, const ir::SourceLocation& at) {
  if (value.isBool())
    return ir::Expr::boolean(value.asBool(), at);
  if (value.isInt())
    return ir::Expr::number(value.str(), static_cast<double>(value.asInt()), at);
  if (value.isFloat())
    return ir::Expr::number(value.str(), value.asFloat(), at);
  if (value.isString())
    return ir::Expr::string(value.asString(), at);
  if (value.isList()) {
    std::vector<ir::ExprPtr> items;
    for (const auto& item : value.asList())
      items.push_back(literal(item, at));
    return ir::Expr::list(std::move(items), at);
  }
  if (value.isNone())
    return ir::Expr::null(at);
  return ir::Expr::string(value.str(), at);
}

ir::SourceLocation keywordLocation(const SchemaProperty& property, const char* keyword) {
  auto found = property.keywordAt.find(keyword);
  return found == property.keywordAt.end() ? property.location : found->second;
}

ir::Input toModelInput(const SchemaProperty& property) {
  ir::Input input;
  input.name = property.name;
  input.type = inputType(property.type);
  input.itemType = inputType(property.itemType);
  if (property.defaultValue)
    input.defaultValue = literal(*property.defaultValue, keywordLocation(property, "default"));
  for (const auto& member : property.enumValues)
    input.allowedValues.push_back(literal(member, keywordLocation(property, "enum")));
  input.minimum = property.minimum;
  input.maximum = property.maximum;
  input.minLength = property.minLength;
  input.maxLength = property.maxLength;
  input.minItems = property.minItems;
  input.maxItems = property.maxItems;
  input.pattern = property.pattern;
  input.description = property.description;
  input.title = property.title;
  input.required = property.required;
  input.location = property.location;
  return input;
}

} // namespace

std::vector<ir::Input> toModelInputs(const InputTypeSchema& type) {
  std::vector<ir::Input> inputs;
  for (const auto& property : type.properties)
    inputs.push_back(toModelInput(property));
  return inputs;
}

} // namespace pm::frontend
