// An input of a module: a Proton schema property or a CloudFormation parameter.
#pragma once

#include "ir/expr.h"
#include "ir/source_location.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pm::ir {

// Object only describes the elements of a list of objects (the pipeline's service_instances) and
// their nested objects; a schema input is never an object.
enum class InputType { String, Number, Integer, Boolean, List, Object };

std::string_view inputTypeName(InputType type);

struct Input {
  std::string name;
  InputType type = InputType::String;
  InputType itemType = InputType::String; // element type when type is List
  // The fields of an Object, or of each element of a List of Object, by name (`name`, `inputs`).
  std::vector<Input> fields;
  // The CloudFormation parameter type as written ("AWS::EC2::VPC::Id", "CommaDelimitedList");
  // empty for schema inputs. Kept because targets can check the AWS-specific types.
  std::string cloudFormationType;
  ExprPtr defaultValue; // null when there is no default
  std::vector<ExprPtr> allowedValues;
  std::optional<double> minimum;
  std::optional<double> maximum;
  std::optional<std::int64_t> minLength;
  std::optional<std::int64_t> maxLength;
  std::optional<std::int64_t> minItems;
  std::optional<std::int64_t> maxItems;
  std::optional<std::string> pattern;
  std::string description;
  std::string title;
  std::string constraintDescription;
  bool required = false;
  bool noEcho = false;
  // A Proton context value (environment.name, service.name, ...) rather than a user input.
  bool isContext = false;
  SourceLocation location;
};

} // namespace pm::ir
