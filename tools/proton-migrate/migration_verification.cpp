// Rendering each adopted stack's part and comparing it with what is deployed.
#include "tools/proton-migrate/migration_verification.h"

#include "frontend/cloudformation/cloudformation_reader.h"
#include "frontend/render.h"

namespace pm::driver {

namespace {

constexpr const char* kDrift = "MIG023";

// Reads `text` keeping only errors: warnings about the template were reported when it was read
// for conversion or recovery.
std::optional<ir::Module> readQuietly(const std::string& path, const std::string& text,
                                      ir::Diagnostics& diagnostics) {
  ir::Diagnostics reading;
  auto module = frontend::readCloudFormation(path, text, reading);
  if (reading.hasErrors())
    diagnostics.appendUnreported(reading);
  return module;
}

StackVerification verifyStack(const frontend::Bundle& bundle, const MigrationStack& stack,
                              const TemplateInputs& inputs, ir::Diagnostics& diagnostics) {
  StackVerification verification{&stack, std::nullopt, {}};
  std::string instance = stack.part == frontend::PartRole::Instance ? stack.name : "";
  auto text = frontend::renderPart(bundle, inputs.request(*stack.part, instance), diagnostics);
  if (!text)
    return verification;
  std::string label = bundle.name + " (" + frontend::partRoleName(*stack.part) +
                      (instance.empty() ? "" : " " + instance) + ", rendered)";
  verification.rendered = readQuietly(label, *text, diagnostics);
  auto deployed = readQuietly(stack.templatePath, stack.dump.templateBody, diagnostics);
  if (!verification.rendered || !deployed)
    return verification;
  verification.differences = ir::compareTemplates(*verification.rendered, *deployed);
  for (const ir::TemplateDifference& difference : verification.differences)
    diagnostics.warning(kDrift, difference.location,
                        "stack " + stack.dump.stackName + ": " + difference.describe());
  return verification;
}

} // namespace

std::vector<StackVerification> verifyStacks(const frontend::Bundle& bundle,
                                            const std::vector<MigrationStack>& stacks,
                                            const TemplateInputs& inputs,
                                            ir::Diagnostics& diagnostics) {
  std::vector<StackVerification> verifications;
  for (const MigrationStack& stack : stacks)
    if (stack.part)
      verifications.push_back(verifyStack(bundle, stack, inputs, diagnostics));
  return verifications;
}

std::size_t differenceCount(const std::vector<StackVerification>& verifications) {
  std::size_t count = 0;
  for (const StackVerification& verification : verifications)
    count += verification.differences.size();
  return count;
}

} // namespace pm::driver
