// Reading and classifying the stacks of a migration.
#include "tools/proton-migrate/migration_stacks.h"

#include "frontend/cloudformation/cloudformation_reader.h"

#include <algorithm>
#include <filesystem>

namespace pm::driver {

namespace {

constexpr const char* kBadDump = "PRS010";

// The name at the end of a Proton ARN ("arn:aws:proton:us-east-1:123456789012:environment/env").
std::string lastSegment(const std::string& arn) {
  return arn.substr(arn.rfind('/') + 1);
}

// The account field of an ARN; empty when it is not one.
std::string accountOf(const std::string& arn) {
  std::size_t field = 0, start = 0;
  for (std::size_t i = 0; i < arn.size() && field < 5; ++i)
    if (arn[i] == ':' && ++field == 4)
      start = i + 1;
    else if (arn[i] == ':' && field == 5)
      return arn.substr(start, i - start);
  return {};
}

MigrationStack classify(frontend::StackDump dump) {
  MigrationStack stack;
  auto tag = [&](const char* key) { return frontend::stackTag(dump, key); };
  std::string environment = tag("aws:proton:environment");
  std::string service = tag("aws:proton:service");
  std::string instance = tag("aws:proton:service-instance");
  std::string component = tag("aws:proton:component");
  if (!component.empty()) {
    stack.role = StackRole::Component, stack.name = lastSegment(component);
    stack.instance = instance.empty() ? "" : lastSegment(instance);
  } else if (!instance.empty())
    stack.role = StackRole::ServiceInstance, stack.name = lastSegment(instance);
  else if (!service.empty())
    stack.role = StackRole::Pipeline, stack.name = "pipeline";
  else if (!environment.empty())
    stack.role = StackRole::Environment, stack.name = lastSegment(environment);
  if (!service.empty())
    stack.service = lastSegment(service);
  if (!environment.empty())
    stack.environment = lastSegment(environment);
  for (const std::string& arn : {component, instance, service, environment})
    if (stack.accountId.empty())
      stack.accountId = accountOf(arn);
  stack.dump = std::move(dump);
  return stack;
}

std::optional<frontend::PartRole> partFor(StackRole role, const frontend::Bundle& bundle,
                                          std::size_t stackCount) {
  auto has = [&](frontend::PartRole part) -> std::optional<frontend::PartRole> {
    if (bundle.part(part))
      return part;
    return std::nullopt;
  };
  if (bundle.kind == frontend::BundleKind::PlainTemplate && stackCount == 1)
    return bundle.defaultPart() ? std::optional(bundle.defaultPart()->role) : std::nullopt;
  switch (role) {
  case StackRole::Environment:
    return has(frontend::PartRole::Infrastructure);
  case StackRole::ServiceInstance:
    return has(frontend::PartRole::Instance);
  case StackRole::Pipeline:
    return has(frontend::PartRole::Pipeline);
  case StackRole::Component:
    return has(frontend::PartRole::Component);
  case StackRole::Unknown:
    return std::nullopt;
  }
  return std::nullopt;
}

// What migrate needs of a stack it adopts: the template to verify and the resources to import.
void checkComplete(const MigrationStack& stack, ir::Diagnostics& diagnostics) {
  auto missing = [&](const char* what, const char* command) {
    diagnostics.error(kBadDump, {stack.dump.path, 1, 1},
                      "the dump of stack '" + stack.dump.stackName + "' has no " + what +
                          ": add the output of `aws cloudformation " + command + " --stack-name " +
                          stack.dump.stackName + "` (see README.md)");
  };
  if (stack.dump.templateBody.empty())
    missing("TemplateBody", "get-template");
  if (stack.dump.resources.empty())
    missing("StackResources", "describe-stack-resources");
}

// The template reader's rule: JSON when the first non-space character is '{'.
bool isJson(const std::string& text) {
  std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string::npos && text[first] == '{';
}

} // namespace

std::string_view stackRoleName(StackRole role) {
  switch (role) {
  case StackRole::Environment:
    return "environment";
  case StackRole::ServiceInstance:
    return "service instance";
  case StackRole::Pipeline:
    return "pipeline";
  case StackRole::Component:
    return "component";
  case StackRole::Unknown:
    break;
  }
  return "unknown";
}

std::vector<std::string> stackDumpFiles(const std::string& folder, ir::Diagnostics& diagnostics) {
  std::vector<std::string> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error))
    if (entry.is_regular_file() && entry.path().extension() == ".json")
      files.push_back(entry.path().string());
  if (error || files.empty())
    diagnostics.error("PRS011", {folder, 0, 0},
                      error ? "cannot read the folder: " + error.message()
                            : std::string("the folder holds no stack dump (*.json)"));
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<MigrationStack> readMigrationStacks(const std::vector<std::string>& files,
                                                const frontend::Bundle& bundle,
                                                const std::string& outputFolder,
                                                ir::Diagnostics& diagnostics) {
  std::vector<frontend::StackDump> dumps;
  for (const std::string& path : files)
    if (auto dump = frontend::readStackDump(path, diagnostics))
      dumps.push_back(std::move(*dump));
  std::vector<MigrationStack> stacks;
  for (frontend::StackDump& dump : frontend::mergeStackDumps(std::move(dumps), diagnostics))
    stacks.push_back(classify(std::move(dump)));
  for (MigrationStack& stack : stacks) {
    stack.part = partFor(stack.role, bundle, stacks.size());
    stack.templatePath = outputFolder + "/deployed/" + stack.dump.stackName +
                         (isJson(stack.dump.templateBody) ? ".json" : ".yaml");
    if (stack.part)
      checkComplete(stack, diagnostics);
  }
  std::stable_sort(stacks.begin(), stacks.end(), [](const auto& a, const auto& b) {
    return std::pair(a.role, a.name) < std::pair(b.role, b.name);
  });
  return stacks;
}

std::optional<ir::Module> readDeployedTemplate(const MigrationStack& stack,
                                               ir::Diagnostics& diagnostics) {
  return frontend::readCloudFormation(stack.templatePath, stack.dump.templateBody, diagnostics);
}

jinja::Value stackOutputs(const MigrationStack& stack) {
  jinja::ValueDict outputs;
  for (const auto& [key, value] : stack.dump.outputs)
    outputs.set(jinja::Value(key), jinja::Value(value));
  return jinja::Value::dict(std::move(outputs));
}

} // namespace pm::driver
