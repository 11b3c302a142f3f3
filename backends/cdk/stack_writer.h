// Writing one module as a CDK stack class (lib/<name>-stack.ts): a props interface from the
// module's inputs (parametric mode), CfnParameter/CfnMapping/CfnCondition/CfnOutput for the
// template's sections, and one L1 construct per resource with its original logical ID.
#pragma once

#include "backends/cdk/cdk_classes.h"
#include "backends/conversion_model.h"
#include "ir/diagnostics.h"
#include "ir/module.h"

#include <string>
#include <vector>

namespace pm::backends::cdk {

// A field of a stack's props interface and where its value comes from.
struct StackProp {
  enum class Source { Input, Context, UpstreamOutput };
  Source source = Source::Input;
  std::string key;  // the input name, the context path or "module.output"
  std::string name; // the TypeScript field
  std::string type; // the TypeScript type
  ir::InputType inputType = ir::InputType::String;
  bool optional = false;
  const ir::Input* input = nullptr; // Input and Context
};

struct StackClass {
  const ir::Module* module = nullptr;
  std::string className; // "EnvironmentStack"
  std::string fileName;  // "lib/environment-stack.ts"
  std::vector<StackProp> props;
  // The Outputs other stacks of the app read (an environment's, read by its services): the
  // class exposes their values as `outputs`, and bin/app.ts passes them on, which CDK turns into
  // cross-stack references (an export and Fn::ImportValue).
  std::vector<const ir::Output*> exposedOutputs;
};

// `stack.outputs.<name>` as TypeScript reads it, `!` included when the output may be absent.
std::string exposedOutputAccess(const ir::Output& output);

StackClass describeStack(const ir::Module& module, const ConversionModel& model);

// The TypeScript source of the stack's file.
std::string writeStack(const StackClass& stack, const ConversionModel& model,
                       const CdkClasses& classes, ir::Diagnostics& diagnostics);

} // namespace pm::backends::cdk
