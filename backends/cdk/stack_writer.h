// Writing one module as a CDK stack class (lib/<name>-stack.ts): a props interface from the
// module's inputs (parametric mode), CfnParameter/CfnMapping/CfnCondition/CfnOutput for the
// template's sections, one L1 construct per resource with its original logical ID, and the
// outputs other stacks read (stack_class.h).
#pragma once

#include "backends/cdk/cdk_classes.h"
#include "backends/cdk/stack_class.h"
#include "backends/conversion_model.h"
#include "ir/diagnostics.h"
#include "ir/module.h"

#include <string>
#include <vector>

namespace pm::backends::cdk {

// The TypeScript source of the stack's file.
std::string writeStack(const StackClass& stack, const ConversionModel& model,
                       const CdkClasses& classes, ir::Diagnostics& diagnostics);

} // namespace pm::backends::cdk
