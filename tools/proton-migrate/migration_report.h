// The evidence of a migration, for people (migration-report.md) and for tools
// (migration-report.json): the stacks, the inputs given or recovered (secret-looking values
// masked), the drift found, how each resource is adopted (per mapping kind), the findings of the
// run, and the runbook for the target.
#pragma once

#include "tools/proton-migrate/migration_artifacts.h"
#include "tools/proton-migrate/migration_inputs.h"

#include <string>
#include <vector>

namespace pm::driver {

struct MigrationReport {
  std::string bundle;
  std::string target;
  std::string mode; // the conversion mode of the code
  bool acceptDrift = false;
  const std::vector<MigrationStack>& stacks;
  const MigrationInputs& inputs;
  const std::vector<StackVerification>& verifications;
  const MigrationArtifacts& artifacts;
  const std::vector<ir::Diagnostic>& findings; // warnings and errors of the run
};

std::string reportMarkdown(const MigrationReport& report);
std::string reportJson(const MigrationReport& report);

// The runbook's steps for `target`, in order, as Markdown lines (commands in backticks).
std::vector<std::string> runbookSteps(const MigrationReport& report);

} // namespace pm::driver
