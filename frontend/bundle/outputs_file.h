// Output values other resources expose to a template: an environment's outputs (read by service
// instances and pipelines) or an attached component's outputs. They come from a flat YAML or JSON
// map, or from the JSON `aws cloudformation describe-stacks` prints.
#pragma once

#include "frontend/jinja/value.h"
#include "ir/diagnostics.h"

#include <optional>
#include <string>
#include <vector>

namespace pm::frontend {

struct StackOutput {
  std::string key;
  std::string value;
  std::string exportName;
  std::string description;
};

struct StackDescription {
  std::string stackName;
  std::vector<StackOutput> outputs;
  std::vector<std::pair<std::string, std::string>> tags;
};

// Reads the output of `aws cloudformation describe-stacks` (a {"Stacks": [...]} object).
std::optional<std::vector<StackDescription>> readStackDescriptions(const std::string& path,
                                                                   ir::Diagnostics& diagnostics);

// Reads an outputs file as a dict of name -> value. Accepts a flat mapping (YAML, or JSON when the
// name ends in .json) and describe-stacks JSON (the Outputs of its single stack). Values keep the
// types the file gives them, as Python's loaders would. PRS001/PRS010 on malformed input.
std::optional<jinja::Value> readOutputsFile(const std::string& path, ir::Diagnostics& diagnostics);

} // namespace pm::frontend
