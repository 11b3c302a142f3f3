// The CloudFormation pseudo parameters (AWS::Region, ...) as data.
#pragma once

#include <span>
#include <string_view>

namespace pm::ir {

struct PseudoParameter {
  std::string_view name;        // "AWS::Region"
  std::string_view valueType;   // CloudFormation parameter type of its value
  std::string_view description; // what Ref returns
};

std::span<const PseudoParameter> pseudoParameters();
const PseudoParameter* findPseudoParameter(std::string_view name);

} // namespace pm::ir
