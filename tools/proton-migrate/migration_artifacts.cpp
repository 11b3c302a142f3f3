// Converting the migrated bundle with its stacks attached, and how each resource is adopted.
#include "tools/proton-migrate/migration_artifacts.h"

#include "backends/backend.h"
#include "backends/servicecatalog/service_catalog_backend.h"
#include "backends/terraform/curated_coverage.h"
#include "backends/terraform/import_ids.h"
#include "backends/terraform/resource_mapping.h"
#include "ir/type_table.h"
#include "tools/proton-migrate/conversion_builder.h"
#include "tools/proton-migrate/stack_dumps.h"

#include <set>

namespace pm::driver {

namespace {

constexpr const char* kTerraformTarget = "terraform";

// How Terraform takes over one resource: its mapping, and the ID its import block uses.
void terraformAdoption(ResourceAdoption& row, const ir::Resource* resource,
                       const backends::Deployment& deployment) {
  const tf::CuratedMapping* curated = tf::MappingTables::instance().curated(row.type);
  bool covered = curated && (!resource || tf::coversResource(*curated, resource->properties));
  std::string terraformType = covered ? curated->terraformType : "";
  if (!covered && tf::MappingTables::instance().awscc(row.type))
    terraformType = tf::MappingTables::instance().awscc(row.type)->name;
  row.mapping = terraformType.empty() ? "-" : terraformType;
  row.kind = covered ? "aws" : terraformType.empty() ? "unmapped" : "awscc";
  if (terraformType.empty()) {
    row.note = "no Terraform type (SAM-expanded resources are imported as what they expand to)";
    return;
  }
  if (row.kind == "awscc") {
    row.importId = row.physicalId; // the primary identifier
    return;
  }
  if (std::string reason = tf::ImportIdFormats::instance().notImportable(terraformType);
      !reason.empty()) {
    row.note = reason;
    return;
  }
  const std::string* format = tf::ImportIdFormats::instance().format(terraformType);
  ir::Resource empty;
  tf::ImportId id = tf::buildImportId(format ? *format : "{id}", resource ? *resource : empty,
                                      row.physicalId, deployment);
  row.importId = id.id;
  row.note = id.reason;
}

void adoptionFor(ResourceAdoption& row, const ir::Resource* resource,
                 const backends::Deployment& deployment, const std::string& target) {
  if (target == kTerraformTarget)
    return terraformAdoption(row, resource, deployment);
  if (target == "cdk") {
    bool typed = ir::TypeTable::instance().find(row.type) != nullptr;
    row.mapping = typed ? "L1 construct" : "cdk.CfnResource";
    row.kind = typed ? "L1" : "CfnResource";
    row.note = "kept under its logical ID in the deployed stack";
    return;
  }
  row.mapping = "deployed template";
  row.kind = "template";
  row.note = "adopted with the stack by import-as-provisioned-product";
}

backends::Deployment deploymentOf(const MigrationStack& stack) {
  backends::Deployment deployment;
  deployment.stackName = stack.dump.stackName;
  deployment.deployed.emplace();
  for (const frontend::StackResource& resource : stack.dump.resources)
    deployment.deployed->resources[resource.logicalId] = {resource.physicalId, resource.type,
                                                          resource.location};
  return deployment;
}

std::vector<ResourceAdoption> adoptions(const std::vector<StackVerification>& verifications,
                                        const std::string& target) {
  std::vector<ResourceAdoption> rows;
  for (const StackVerification& verification : verifications) {
    const MigrationStack& stack = *verification.stack;
    backends::Deployment deployment = deploymentOf(stack);
    for (const frontend::StackResource& deployed : stack.dump.resources) {
      ResourceAdoption row{stack.dump.stackName,
                           deployed.logicalId,
                           deployed.type,
                           deployed.physicalId,
                           "",
                           "",
                           "",
                           ""};
      const ir::Resource* resource =
          verification.rendered ? verification.rendered->findResource(deployed.logicalId) : nullptr;
      adoptionFor(row, resource, deployment, target);
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

void emitModel(const backends::ConversionModel& model, const std::string& target,
               backends::OutputTree& output, ir::Diagnostics& diagnostics) {
  if (target == "servicecatalog") {
    backends::ConversionModel expanded = backends::withCatalogLoopsExpanded(model, diagnostics);
    backends::emitServiceCatalog(std::vector<const backends::ConversionModel*>{&expanded}, {},
                                 output, diagnostics);
    return;
  }
  backends::makeBackend(target)->emit(model, output, diagnostics);
}

} // namespace

MigrationArtifacts emitMigrationArtifacts(const frontend::Bundle& bundle,
                                          const TemplateInputs& inputs,
                                          const std::vector<StackVerification>& verifications,
                                          const std::string& target, backends::ConversionMode mode,
                                          backends::OutputTree& output,
                                          ir::Diagnostics& diagnostics) {
  MigrationArtifacts artifacts;
  artifacts.resources = adoptions(verifications, target);
  if (target == "servicecatalog")
    mode = backends::ConversionMode::Rendered;
  tf::NativeSources terraform;
  auto model = buildConversionModel(bundle, inputs, mode, diagnostics, &terraform);
  if (!model || diagnostics.hasErrors())
    return artifacts;
  if (!terraform.empty()) {
    diagnostics.error("PRS013", {bundle.files.displayRoot(), 0, 0},
                      "the bundle is written in Terraform: migrate adopts CloudFormation stacks");
    return artifacts;
  }
  std::vector<frontend::StackDump> dumps;
  for (const StackVerification& verification : verifications)
    dumps.push_back(verification.stack->dump);
  std::set<std::size_t> attached;
  attachStackDumps(*model, bundle, inputs, dumps, attached, diagnostics);
  reportUnattachedDumps(dumps, attached, diagnostics);
  backends::OutputTree converted;
  emitModel(*model, target, converted, diagnostics);
  for (const auto& [relative, content] : converted.files())
    output.write(target + "/" + relative, content);
  artifacts.emitted = !diagnostics.hasErrors();
  return artifacts;
}

} // namespace pm::driver
