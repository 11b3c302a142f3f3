// What the SAM transform knows about IAM: the managed policies it names by their short name and
// the policy templates (`DynamoDBCrudPolicy: {TableName: x}`) it turns into statements.
#pragma once

#include "ir/expr.h"

#include <optional>
#include <string_view>

namespace pm::ir {

// The ARN of an AWS managed policy written by name in a function's Policies, as a Fn::Sub on
// AWS::Partition.
ExprPtr managedPolicyArn(std::string_view name, const SourceLocation& location);

// The policy document of a policy template with its parameters (a map), or nothing when the
// template is not one the table knows.
std::optional<ExprPtr> policyTemplateDocument(std::string_view name, const ExprPtr& parameters,
                                              const SourceLocation& location);

// A Fn::Sub of `source` ("${Name}" and "${Name.Attr}" variables), with `variables` bound.
ExprPtr subExpr(std::string_view source, std::vector<MapEntry> variables,
                const SourceLocation& location);

} // namespace pm::ir
