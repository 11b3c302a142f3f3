// Import blocks, retain templates and the cut-over README of the root.
#include "backends/terraform/adoption_writer.h"

#include "backends/terraform/hcl_document.h"
#include "backends/terraform/import_ids.h"
#include "backends/terraform/loop_frames.h"
#include "ir/loop_expansion.h"

#include <fmt/format.h>

#include <set>

namespace pm::tf {

namespace {

struct Adopted {
  const RootCall* call;
  std::string retainFile; // relative to the root, empty when no template could be read
};

std::string importBlockText(const std::string& to, const std::string& id) {
  return "import {\n  to = " + to + "\n  id = " + printExpression(*hclString(id)) + "\n}";
}

// The import of one resource into `to`: a block, or a commented one with the reason as a
// warning.
void importResource(const ir::Resource& resource, const ResourceTarget& target,
                    const backends::DeployedResource& deployed, const RootCall& call,
                    const std::string& to, HclFile& file, ir::Diagnostics& diagnostics) {
  const ImportIdFormats& formats = ImportIdFormats::instance();
  const std::string* format = formats.format(target.terraformType);
  bool awscc = target.terraformType.starts_with("awscc_");
  ImportId id;
  if (std::string why = formats.notImportable(target.terraformType); !why.empty())
    id.reason = why;
  else if (!format && !awscc)
    id.reason =
        "no import ID format is known for " + target.terraformType + "; the physical ID is a guess";
  if (id.reason.empty())
    id = buildImportId(format ? *format : "{id}", resource, deployed.physicalId, *call.deployment);
  if (!id.reason.empty()) {
    diagnostics.warning(kImportIdRule, deployed.location,
                        "the import block of " + resource.logicalId + " (" + target.terraformType +
                            ") is commented out: " + id.reason);
    file.comment(resource.logicalId + ": " + id.reason + ".\n" +
                 importBlockText(to, id.id.empty() ? deployed.physicalId : id.id));
    return;
  }
  HclBody& block = file.block("import");
  block.attribute("to", HclExpr::raw(to));
  block.attribute("id", hclString(id.id));
}

// A resource repeated with for_each: per element of the deployment's list, the deployed
// resource the element names ("Deploy${loop.index}Project" -> "Deploy1Project") goes to the
// instance the module keys by that element. Returns the logical IDs imported.
std::set<std::string> importLoopedResource(const ir::Resource& resource,
                                           const ResourceTarget& target, const RootCall& call,
                                           HclFile& file, ir::Diagnostics& diagnostics) {
  std::set<std::string> imported;
  const backends::Deployment& deployment = *call.deployment;
  auto list = deployment.values.collections.find(target.loopCollection);
  if (list == deployment.values.collections.end())
    return imported;
  for (std::size_t index = 0; index < list->second.size(); ++index) {
    ir::InputValues element =
        ir::elementValues(deployment.values, resource.loop->variable, list->second, index);
    ir::Resource instance = resource;
    instance.logicalId = ir::withLoopValues(resource.logicalId, element.loopItems);
    instance.properties = ir::instantiate(resource.properties, element);
    auto deployed = deployment.deployed->resources.find(instance.logicalId);
    if (deployed == deployment.deployed->resources.end())
      continue;
    auto name = list->second[index].find("name");
    std::string key = keyedByName(target.loopCollection) && name != list->second[index].end()
                          ? name->second.text
                          : std::to_string(index);
    std::string to = "module." + call.name + "." + target.address() + "[" +
                     printExpression(*hclString(key)) + "]";
    importResource(instance, target, deployed->second, call, to, file, diagnostics);
    imported.insert(instance.logicalId);
  }
  return imported;
}

// Resources of the stack the module does not declare, and the reverse, are both reported: the
// first would stay behind unmanaged, the second would be created anew.
void reportUnmatched(const ir::Module& module, const backends::DeployedStack& deployed,
                     const RootCall& call, const std::set<std::string>& loopInstances,
                     ir::Diagnostics& diagnostics) {
  for (const auto& [logicalId, resource] : deployed.resources)
    if (!call.interface->resources.count(logicalId) && !loopInstances.count(logicalId))
      diagnostics.warning(kImportIdRule, resource.location,
                          "the deployed resource " + logicalId + " (" + resource.type +
                              ") has no counterpart in the converted module: it is not imported");
  for (const ir::Resource& resource : module.resources) {
    auto target = call.interface->resources.find(resource.logicalId);
    bool conditional = target != call.interface->resources.end() &&
                       (target->second.counted || target->second.looped);
    if (!deployed.resources.count(resource.logicalId) && !conditional)
      diagnostics.warning(kImportIdRule, resource.location,
                          resource.logicalId + " is not in the stack dump " + deployed.dumpPath +
                              ": Terraform will create it");
  }
}

void importDeployment(const ir::Module& module, const RootCall& call, HclFile& file,
                      ir::Diagnostics& diagnostics) {
  const backends::DeployedStack& deployed = *call.deployment->deployed;
  std::set<std::string> loopInstances;
  for (const ir::Resource& resource : module.resources) {
    auto target = call.interface->resources.find(resource.logicalId);
    if (target == call.interface->resources.end() || target->second.terraformType.empty())
      continue;
    if (target->second.looped) {
      loopInstances.merge(importLoopedResource(resource, target->second, call, file, diagnostics));
      continue;
    }
    auto found = deployed.resources.find(resource.logicalId);
    if (found == deployed.resources.end())
      continue;
    std::string to = "module." + call.name + "." + target->second.address() +
                     (target->second.counted ? "[0]" : "");
    importResource(resource, target->second, found->second, call, to, file, diagnostics);
  }
  reportUnmatched(module, deployed, call, loopInstances, diagnostics);
}

std::string readme(const std::vector<Adopted>& adopted) {
  std::string text =
      "# Cutting the deployed stacks over to Terraform\n\n"
      "`imports.tf` adopts every resource of the deployed stacks listed below into this root; "
      "each `retain` template is the stack's deployed template with `DeletionPolicy: Retain` "
      "and `UpdateReplacePolicy: Retain` on every resource, so that deleting the stack leaves "
      "the resources in place.\n\n"
      "| Module block | Stack | Retain template |\n|---|---|---|\n";
  for (const Adopted& entry : adopted)
    text += fmt::format(
        "| `{}` | `{}` | {} |\n", entry.call->name, entry.call->deployment->stackName,
        entry.retainFile.empty() ? "none (no template was read)" : "`" + entry.retainFile + "`");
  text +=
      "\nThe stack dumps given to `convert --stack-dump` were made with:\n\n"
      "```sh\n"
      "aws cloudformation get-template --stack-name STACK > template.json\n"
      "aws cloudformation describe-stacks --stack-name STACK > stack.json\n"
      "aws cloudformation describe-stack-resources --stack-name STACK > resources.json\n"
      "```\n\n"
      "(three `--stack-dump` options, or one file merged with `jq -s add`).\n"
      "\nSteps, for each stack:\n\n"
      "1. Update the stack with its retain template, changing nothing else:\n"
      "   `aws cloudformation update-stack --stack-name STACK --template-body file://RETAIN "
      "--parameters ... --capabilities CAPABILITY_NAMED_IAM` (pass the stack's parameters with "
      "`UsePreviousValue=true`), and wait for `UPDATE_COMPLETE`.\n"
      "2. Fill in `terraform.tfvars`, then run `terraform init` and `terraform plan` here. The "
      "plan must show only imports (\"N to import, 0 to add, 0 to change, 0 to destroy\"); any "
      "other change is a difference between the converted code and the stack: fix the inputs "
      "or the code before going on. Commented import blocks in `imports.tf` need their ID "
      "filled in first (the comment above each says why).\n"
      "3. `terraform apply` the plan.\n"
      "4. Delete the stack: `aws cloudformation delete-stack --stack-name STACK`. Its resources "
      "stay, now managed by Terraform.\n"
      "5. Remove `imports.tf` (import blocks are only needed once).\n";
  return text;
}

} // namespace

void writeAdoption(const backends::ConversionModel& model, const std::vector<RootCall>& calls,
                   const std::string& folder, backends::OutputTree& output,
                   ir::Diagnostics& diagnostics) {
  std::vector<Adopted> adopted;
  for (const RootCall& call : calls)
    if (call.deployment->deployed)
      adopted.push_back({&call, ""});
  if (adopted.empty())
    return;
  HclFile imports;
  for (Adopted& entry : adopted) {
    if (const ir::Module* module = model.modules.find(entry.call->deployment->module))
      importDeployment(*module, *entry.call, imports, diagnostics);
    const std::string& retain = entry.call->deployment->deployed->retainTemplate;
    if (retain.empty())
      continue;
    entry.retainFile = adopted.size() == 1 ? "retain.yaml" : "retain-" + entry.call->name + ".yaml";
    output.write(folder + "/" + entry.retainFile, retain);
  }
  output.write(folder + "/imports.tf", imports.print());
  output.write(folder + "/README.md", readme(adopted));
}

} // namespace pm::tf
