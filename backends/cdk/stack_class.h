// A module's CDK stack class as the app sees it: its name and file, the fields of its props
// interface and where their values come from, and the outputs it exposes to other stacks.
#pragma once

#include "backends/conversion_model.h"
#include "ir/module.h"
#include "ir/target_names.h"

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

// The CDK identifier the naming pass gave `source` in `module`, else `source` in `style`.
std::string cdkName(const ConversionModel& model, const ir::Module& module, ir::NamedKind kind,
                    const std::string& source, const ir::NamingStyle& style);

} // namespace pm::backends::cdk
