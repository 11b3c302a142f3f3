// The live stacks `migrate` adopts: read from --stack-dump files or a --stack-dir folder, and
// told apart by the `aws:proton:*` tags Proton put on every stack it deployed.
#pragma once

#include "frontend/bundle/bundle.h"
#include "frontend/bundle/stack_dump.h"
#include "frontend/jinja/value.h"
#include "ir/diagnostics.h"
#include "ir/module.h"

#include <optional>
#include <string>
#include <vector>

namespace pm::driver {

enum class StackRole { Environment, ServiceInstance, Pipeline, Component, Unknown };

std::string_view stackRoleName(StackRole role);

struct MigrationStack {
  frontend::StackDump dump;
  StackRole role = StackRole::Unknown;
  std::string name;        // the environment's, instance's or component's name; "pipeline"
  std::string service;     // the service's name (instances and pipelines)
  std::string environment; // the environment it is deployed in, when a tag says
  std::string instance;    // the service instance a component is attached to, when a tag says
  std::string accountId;   // from the Proton ARNs of its tags
  // The part of the migrated bundle the stack deploys; nothing when it deploys another bundle
  // (an environment stack beside a service's stacks is read for its Outputs only).
  std::optional<frontend::PartRole> part;
  // Where the deployed template is written (deployed/<stack name>.yaml or .json in the output):
  // the file drift is located in.
  std::string templatePath;
};

// The dump files of a --stack-dir folder: its *.json files, in name order.
std::vector<std::string> stackDumpFiles(const std::string& folder, ir::Diagnostics& diagnostics);

// Reads and merges the dumps (frontend::mergeStackDumps), classifies each by its tags, and pairs
// it with the part of `bundle` it deploys. Stacks come back environments first, then service
// instances (in name order), pipelines and components. A stack of the bundle's kind without a
// TemplateBody, or without StackResources, is a PRS010 error: migrate verifies and imports it.
// `outputFolder` names the templatePath of each stack.
std::vector<MigrationStack> readMigrationStacks(const std::vector<std::string>& files,
                                                const frontend::Bundle& bundle,
                                                const std::string& outputFolder,
                                                ir::Diagnostics& diagnostics);

// The deployed template, read as CloudFormation; its locations name `stack.templatePath`.
std::optional<ir::Module> readDeployedTemplate(const MigrationStack& stack,
                                               ir::Diagnostics& diagnostics);

// The Outputs of `stack` as a dict of strings, for environment outputs and a pipeline's
// instance outputs.
jinja::Value stackOutputs(const MigrationStack& stack);

} // namespace pm::driver
