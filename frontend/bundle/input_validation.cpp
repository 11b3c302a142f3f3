// Input value checks against OpenAPI property constraints.
#include "frontend/bundle/input_validation.h"

#include "frontend/yaml/python_yaml.h"
#include "frontend/yaml/yaml_file.h"
#include "ir/regex_cache.h"

#include <cmath>
#include <regex>

namespace pm::frontend {

namespace {

constexpr const char* kSchemaViolation = "MIG006";

// Lengths count characters, not bytes, as JSON Schema does.
std::int64_t characterCount(const std::string& text) {
  std::int64_t count = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80)
      ++count;
  return count;
}

std::string numberText(double number) {
  if (std::floor(number) == number && std::fabs(number) < 1e15)
    return std::to_string(static_cast<std::int64_t>(number));
  return jinja::pythonFloatRepr(number);
}

double asDouble(const jinja::Value& value) {
  return value.isInt() ? static_cast<double>(value.asInt()) : value.asFloat();
}

bool hasType(PropertyType type, const jinja::Value& value) {
  switch (type) {
  case PropertyType::String:
    return value.isString();
  case PropertyType::Number:
    return (value.isInt() || value.isFloat()) && !value.isBool();
  case PropertyType::Integer:
    return value.isInt() || (value.isFloat() && std::floor(value.asFloat()) == value.asFloat());
  case PropertyType::Boolean:
    return value.isBool();
  case PropertyType::Array:
    return value.isList();
  case PropertyType::Object:
    return value.isDict();
  }
  return false;
}

std::optional<InputProblem> checkScalar(const SchemaProperty& property, PropertyType type,
                                        const jinja::Value& value) {
  if (!hasType(type, value))
    return InputProblem{"type", value.repr() + " is not of type " + propertyTypeName(type)};
  if (!property.enumValues.empty() &&
      std::find(property.enumValues.begin(), property.enumValues.end(), value) ==
          property.enumValues.end()) {
    std::string options;
    for (const auto& option : property.enumValues)
      options += (options.empty() ? "" : ", ") + option.repr();
    return InputProblem{"enum", value.repr() + " is not one of " + options};
  }
  if (value.isString()) {
    std::int64_t length = characterCount(value.asString());
    if (property.minLength && length < *property.minLength)
      return InputProblem{"minLength", value.repr() + " is shorter than minLength " +
                                           std::to_string(*property.minLength)};
    if (property.maxLength && length > *property.maxLength)
      return InputProblem{"maxLength", value.repr() + " is longer than maxLength " +
                                           std::to_string(*property.maxLength)};
    // OpenAPI patterns are ECMA-262 and unanchored: a search, not a full match.
    if (property.pattern &&
        !std::regex_search(value.asString(), *ir::compiledRegex(*property.pattern)))
      return InputProblem{"pattern",
                          value.repr() + " does not match pattern '" + *property.pattern + "'"};
  }
  if ((value.isInt() || value.isFloat()) && !value.isBool()) {
    double number = asDouble(value);
    if (property.minimum && number < *property.minimum)
      return InputProblem{"minimum",
                          value.str() + " is below minimum " + numberText(*property.minimum)};
    if (property.maximum && number > *property.maximum)
      return InputProblem{"maximum",
                          value.str() + " is above maximum " + numberText(*property.maximum)};
  }
  return std::nullopt;
}

std::optional<InputProblem> checkArray(const SchemaProperty& property, const jinja::Value& value) {
  auto size = static_cast<std::int64_t>(value.asList().size());
  if (property.minItems && size < *property.minItems)
    return InputProblem{"minItems", "list has " + std::to_string(size) +
                                        " items, fewer than minItems " +
                                        std::to_string(*property.minItems)};
  if (property.maxItems && size > *property.maxItems)
    return InputProblem{"maxItems", "list has " + std::to_string(size) +
                                        " items, more than maxItems " +
                                        std::to_string(*property.maxItems)};
  for (std::size_t i = 0; i < value.asList().size(); ++i)
    if (auto problem = checkScalar(property, property.itemType, value.asList()[i])) {
      problem->message = "item " + std::to_string(i) + ": " + problem->message;
      return problem;
    }
  return std::nullopt;
}

std::string declaredAt(const SchemaProperty& property, const std::string& keyword) {
  auto found = property.keywordAt.find(keyword);
  const ir::SourceLocation& at =
      found != property.keywordAt.end() ? found->second : property.location;
  return at.str();
}

} // namespace

bool isValidPattern(const std::string& pattern) {
  try {
    ir::compiledRegex(pattern);
    return true;
  } catch (const std::regex_error&) {
    return false;
  }
}

std::optional<InputProblem> checkInputValue(const SchemaProperty& property,
                                            const jinja::Value& value) {
  if (property.type == PropertyType::Array) {
    if (!value.isList())
      return InputProblem{"type", value.repr() + " is not of type array"};
    return checkArray(property, value);
  }
  if (property.type == PropertyType::Object)
    return hasType(PropertyType::Object, value)
               ? std::nullopt
               : std::optional<InputProblem>(
                     InputProblem{"type", value.repr() + " is not of type object"});
  return checkScalar(property, property.type, value);
}

bool validateInputs(const InputTypeSchema& type, const YAML::Node& values,
                    const InputSource& source, const YAML::Node& owner,
                    ir::Diagnostics& diagnostics) {
  bool ok = true;
  if (values && !values.IsNull() && !values.IsMap()) {
    diagnostics.error(kSchemaViolation, locationOf(source.path, values),
                      source.fieldPrefix + ": input values must be a mapping");
    return false;
  }
  if (values && values.IsMap()) {
    for (const auto& entry : values) {
      std::string name = entry.first.Scalar();
      std::string field = source.fieldPrefix + "." + name;
      const SchemaProperty* property = type.find(name);
      if (!property) {
        diagnostics.warning(kSchemaViolation, locationOf(source.path, entry.first),
                            field + ": '" + name + "' is not an input of " + type.name +
                                " and is ignored");
        continue;
      }
      auto value = toPythonValue(entry.second, source.path, diagnostics);
      if (!value)
        return false;
      if (auto problem = checkInputValue(*property, *value)) {
        diagnostics.error(kSchemaViolation, locationOf(source.path, entry.second),
                          field + ": " + problem->message + " (" +
                              declaredAt(*property, problem->keyword) + ")");
        ok = false;
      }
    }
  }
  for (const auto& property : type.properties) {
    bool given = values && values.IsMap() && values[property.name];
    if (property.required && !property.defaultValue && !given) {
      diagnostics.error(
          kSchemaViolation, locationOf(source.path, values && values.IsMap() ? values : owner),
          source.fieldPrefix + "." + property.name +
              ": required input is missing and has no default (" + property.location.str() + ")");
      ok = false;
    }
  }
  return ok;
}

} // namespace pm::frontend
