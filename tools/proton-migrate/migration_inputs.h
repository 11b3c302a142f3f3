// The inputs a migration renders and converts with: the --spec given, or the spec recovered
// stack by stack from the deployed templates (inverse rendering), the environment stack first so
// its Outputs feed the service instances, and the instances' Outputs feed the pipeline.
#pragma once

#include "tools/proton-migrate/migration_stacks.h"
#include "tools/proton-migrate/template_inputs.h"

#include <optional>
#include <string>
#include <vector>

namespace pm::driver {

// One input of one stack, for the report.
struct StackInputValue {
  std::string name;
  std::string value;  // as the spec writes it; masked when the name looks secret
  std::string origin; // "given", "recovered", "default", "default (not recoverable)"
};

struct StackInputs {
  std::string stackName;
  std::vector<StackInputValue> values;
};

struct MigrationInputs {
  TemplateInputs inputs;  // what every part of the bundle renders and converts with
  std::string specText;   // the spec used, as a file (empty for a component without one)
  bool recovered = false; // the spec came from the deployed templates
  std::vector<StackInputs> stacks;
};

// The inputs for `stacks` (those with a part of `bundle`). `files` holds the options: its spec,
// when given, is used as it is; its --context values override what the stacks' tags say
// (environment.account_id, service.name, environment.name). Nothing when an error was reported.
std::optional<MigrationInputs> migrationInputs(const frontend::Bundle& bundle,
                                               const std::vector<MigrationStack>& stacks,
                                               const TemplateInputFiles& files,
                                               ir::Diagnostics& diagnostics);

} // namespace pm::driver
