// What changes between two versions of a template, in the model: inputs (and whether values
// valid before still are), resources (and whether CloudFormation replaces them), outputs (and
// who reads a removed one). Modules are matched by kind: one bundle has at most one of each.
#pragma once

#include "ir/module_graph.h"

#include <string>
#include <vector>

namespace pm::ir {

enum class Change { Added, Removed, Modified };
const char* changeName(Change change); // "added", "removed", "modified"

struct InputChange {
  std::string module; // environment, service_instance, pipeline, component or template
  std::string name;
  Change change = Change::Modified;
  std::vector<std::string> details; // "default: 10 -> 20", "became required"
  bool breaking = false;            // a spec valid before may be rejected now
};

struct PropertyChange {
  std::string name;
  std::string before, after; // short renderings; empty when absent
  bool replaces = false;     // a create-only property: CloudFormation replaces the resource
};

struct ResourceChange {
  std::string module;
  std::string logicalId;
  std::string type; // the new type (the old one when removed)
  Change change = Change::Modified;
  std::vector<PropertyChange> properties;
  std::vector<std::string> details; // type, condition or policy changes
  bool replacement = false;         // CloudFormation would replace the resource
};

struct OutputChange {
  std::string module;
  std::string name;
  Change change = Change::Modified;
  std::vector<std::string> consumers; // who read a removed output
};

struct ModelDiff {
  std::vector<InputChange> inputs;
  std::vector<ResourceChange> resources;
  std::vector<OutputChange> outputs;

  bool empty() const { return inputs.empty() && resources.empty() && outputs.empty(); }
  bool breaking() const; // a breaking input change, a replacement, or a removed output read
};

ModelDiff diffModels(const ModuleGraph& before, const ModuleGraph& after);

} // namespace pm::ir
