// The pseudo parameter table, from the CloudFormation "Pseudo parameters reference" page.
#include "ir/pseudo_parameters.h"

#include <array>

namespace pm::ir {

namespace {

constexpr std::array kPseudoParameters{
    PseudoParameter{"AWS::AccountId", "String", "the AWS account ID of the stack"},
    PseudoParameter{"AWS::NotificationARNs", "CommaDelimitedList",
                    "the notification ARNs of the stack"},
    PseudoParameter{"AWS::NoValue", "String",
                    "removes the property it is assigned to (used inside Fn::If)"},
    PseudoParameter{"AWS::Partition", "String", "the partition: aws, aws-cn, aws-us-gov"},
    PseudoParameter{"AWS::Region", "String", "the Region the stack is created in"},
    PseudoParameter{"AWS::StackId", "String", "the ID (ARN) of the stack"},
    PseudoParameter{"AWS::StackName", "String", "the name of the stack"},
    PseudoParameter{"AWS::URLSuffix", "String", "the domain suffix, usually amazonaws.com"},
};

} // namespace

std::span<const PseudoParameter> pseudoParameters() {
  return kPseudoParameters;
}

const PseudoParameter* findPseudoParameter(std::string_view name) {
  for (const PseudoParameter& parameter : kPseudoParameters)
    if (parameter.name == name)
      return &parameter;
  return nullptr;
}

} // namespace pm::ir
