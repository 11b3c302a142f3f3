// Writing one resource of a stack: the L1 construct (or CfnResource) with its properties and
// every CloudFormation resource attribute (Condition, DependsOn, policies, Metadata).
#pragma once

#include "backends/cdk/cdk_classes.h"
#include "backends/cdk/expression_writer.h"
#include "ir/diagnostics.h"
#include "ir/resource.h"

#include <string>

namespace pm::backends::cdk {

struct ResourceContext {
  const CdkClasses& classes;
  const ExpressionWriter& writer;
  const ExpressionScope& scope;
  ir::Diagnostics& diagnostics;
};

// The statements declaring `resource` as `variable`, each line indented by `indent` spaces.
std::string writeResource(const ir::Resource& resource, const std::string& variable,
                          const ResourceContext& context, int indent);

} // namespace pm::backends::cdk
