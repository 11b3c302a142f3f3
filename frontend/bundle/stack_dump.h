// A deployed stack as the AWS CLI dumps it: `aws cloudformation get-template` (TemplateBody),
// `describe-stacks` (Stacks) and `describe-stack-resources` (StackResources), read from separate
// files or from one file merging their top-level keys (`jq -s add`).
#pragma once

#include "frontend/bundle/outputs_file.h"
#include "ir/diagnostics.h"

#include <optional>
#include <string>
#include <vector>

namespace pm::frontend {

struct StackResource {
  std::string logicalId;
  std::string physicalId;
  std::string type;
  ir::SourceLocation location; // the entry in the dump
};

struct StackDump {
  std::string path; // the first file read into it
  std::string stackName;
  std::string stackId; // the stack's ARN, when describe-stacks or a resource entry gave it
  std::vector<std::pair<std::string, std::string>> tags;    // from describe-stacks
  std::vector<std::pair<std::string, std::string>> outputs; // describe-stacks Outputs, in order
  std::vector<StackResource> resources;
  std::string templateBody; // as deployed; JSON text when the dump held it as an object
};

// Reads one file holding any of the three outputs. PRS010 (located) when it is no JSON
// object, holds none of the three keys, or holds more than one stack; nothing then.
std::optional<StackDump> readStackDump(const std::string& path, ir::Diagnostics& diagnostics);

// Joins the files of one stack: dumps naming the same stack are merged, and a dump naming none
// (get-template alone) joins the only named stack. PRS010 when that is ambiguous.
std::vector<StackDump> mergeStackDumps(std::vector<StackDump> dumps, ir::Diagnostics& diagnostics);

// The value of the stack's tag `key`, empty without it.
std::string stackTag(const StackDump& dump, std::string_view key);

} // namespace pm::frontend
