// CloudFormation parameters -> inputs. The parameter types and attributes are those of the
// "Parameters" page of the CloudFormation user guide.
#include "frontend/cloudformation/parameter_reader.h"

#include "frontend/cloudformation/rules.h"
#include "frontend/cloudformation/template_values.h"

#include <cstdlib>
#include <fmt/format.h>
#include <string_view>

namespace pm::frontend {

namespace {

constexpr std::string_view kParameterAttributes =
    "Type, Default, AllowedValues, AllowedPattern, MinLength, MaxLength, MinValue, MaxValue, "
    "Description, ConstraintDescription, NoEcho";

// How each CloudFormation parameter type maps to an input type. AWS-specific types
// (AWS::EC2::VPC::Id, ...) and SSM parameter types are strings or lists of strings to us;
// the exact type is kept in Input::cloudFormationType.
bool setType(ir::Input& input, const std::string& type) {
  input.cloudFormationType = type;
  if (type == "String")
    input.type = ir::InputType::String;
  else if (type == "Number")
    input.type = ir::InputType::Number;
  else if (type == "List<Number>")
    input.type = ir::InputType::List, input.itemType = ir::InputType::Number;
  else if (type == "CommaDelimitedList" || type.starts_with("List<AWS::") ||
           type.starts_with("AWS::SSM::Parameter::Value<List<") ||
           type == "AWS::SSM::Parameter::Value<CommaDelimitedList>")
    input.type = ir::InputType::List, input.itemType = ir::InputType::String;
  else if (type.starts_with("AWS::"))
    input.type = ir::InputType::String;
  else
    return false;
  return true;
}

std::optional<double> readNumber(const ir::MapEntry& entry, ir::Diagnostics& diagnostics) {
  auto text = requireString(entry.value, entry.key, diagnostics);
  if (!text)
    return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(text->c_str(), &end);
  if (text->empty() || *end != '\0') {
    diagnostics.error(kTemplateStructureRule, entry.value->location(),
                      fmt::format("{} must be a number, found '{}'", entry.key, *text));
    return std::nullopt;
  }
  return value;
}

std::optional<std::int64_t> readCount(const ir::MapEntry& entry, ir::Diagnostics& diagnostics) {
  auto value = readNumber(entry, diagnostics);
  if (!value)
    return std::nullopt;
  return static_cast<std::int64_t>(*value);
}

void readAttribute(ir::Input& input, const ir::MapEntry& entry, ir::Diagnostics& diagnostics) {
  const std::string& key = entry.key;
  auto text = [&] { return requireString(entry.value, key, diagnostics).value_or(""); };
  if (key == "Type") {
    std::string type = text();
    if (!setType(input, type))
      diagnostics.error(kTemplateStructureRule, entry.value->location(),
                        fmt::format("unknown parameter type '{}'; expected String, Number, "
                                    "List<Number>, CommaDelimitedList or an AWS-specific type",
                                    type));
  } else if (key == "Default") {
    input.defaultValue = entry.value;
  } else if (key == "AllowedValues") {
    if (entry.value->kind() == ir::ExprKind::List)
      input.allowedValues = entry.value->items();
    else
      diagnostics.error(kTemplateStructureRule, entry.value->location(),
                        "AllowedValues must be a list");
  } else if (key == "AllowedPattern") {
    input.pattern = text();
  } else if (key == "MinLength") {
    input.minLength = readCount(entry, diagnostics);
  } else if (key == "MaxLength") {
    input.maxLength = readCount(entry, diagnostics);
  } else if (key == "MinValue") {
    input.minimum = readNumber(entry, diagnostics);
  } else if (key == "MaxValue") {
    input.maximum = readNumber(entry, diagnostics);
  } else if (key == "Description") {
    input.description = text();
  } else if (key == "ConstraintDescription") {
    input.constraintDescription = text();
  } else if (key == "NoEcho") {
    std::string value = text();
    input.noEcho = value == "true" || value == "True" || value == "TRUE";
  } else {
    reportUnknownKey(entry, "parameter attribute", kParameterAttributes, diagnostics);
  }
}

} // namespace

ir::Input readParameter(const ir::MapEntry& entry, ir::Diagnostics& diagnostics) {
  ir::Input input;
  input.name = entry.key;
  input.location = entry.keyLocation;
  checkLogicalId(entry.key, entry.keyLocation, "parameter", diagnostics);
  if (!entry.value || entry.value->kind() != ir::ExprKind::Map) {
    diagnostics.error(kTemplateStructureRule, entry.keyLocation,
                      fmt::format("parameter '{}' must be a map with at least a Type", entry.key));
    return input;
  }
  for (const ir::MapEntry& attribute : entry.value->entries())
    readAttribute(input, attribute, diagnostics);
  if (!entry.value->find("Type"))
    diagnostics.error(
        kTemplateStructureRule, entry.keyLocation,
        fmt::format("parameter '{}' has no Type; add e.g. 'Type: String'", entry.key));
  // A CloudFormation parameter without a default must be given a value at deployment.
  input.required = !input.defaultValue;
  return input;
}

} // namespace pm::frontend
