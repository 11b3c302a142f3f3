// Verification of a migration: each adopted stack's part rendered with the migration's inputs
// and compared with the deployed template, resource by resource and property by property. Every
// difference is drift (or a template version other than the bundle's): MIG023 at its place in
// the deployed template.
#pragma once

#include "ir/template_difference.h"
#include "tools/proton-migrate/migration_stacks.h"
#include "tools/proton-migrate/template_inputs.h"

#include <optional>
#include <string>
#include <vector>

namespace pm::driver {

struct StackVerification {
  const MigrationStack* stack = nullptr;
  std::optional<ir::Module> rendered; // nothing when the part could not be rendered
  std::vector<ir::TemplateDifference> differences;
};

// One verification per stack with a part of `bundle`, in the stacks' order. Differences are
// reported as MIG023 warnings; a part that does not render is an error.
std::vector<StackVerification> verifyStacks(const frontend::Bundle& bundle,
                                            const std::vector<MigrationStack>& stacks,
                                            const TemplateInputs& inputs,
                                            ir::Diagnostics& diagnostics);

std::size_t differenceCount(const std::vector<StackVerification>& verifications);

} // namespace pm::driver
