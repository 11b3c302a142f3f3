// What `migrate` writes for the target: the converted code with the stacks attached (CDK stack
// names and logical IDs, Terraform import blocks and retain.yaml, Service Catalog products whose
// artifact is the deployed template), and per deployed resource how the target adopts it.
#pragma once

#include "backends/conversion_model.h"
#include "backends/output_tree.h"
#include "tools/proton-migrate/migration_verification.h"

#include <string>
#include <vector>

namespace pm::driver {

// One deployed resource and how the target takes it over.
struct ResourceAdoption {
  std::string stackName, logicalId, type, physicalId;
  std::string mapping;  // terraform: "aws_vpc" (curated) or "awscc_..."; cdk: "L1" or
                        // "CfnResource"; servicecatalog: "template"
  std::string kind;     // the mapping kind the report counts: "aws", "awscc", "L1", ...
  std::string importId; // terraform: the import block's id; empty when it cannot be built
  std::string note;     // why not, or how it is adopted
};

struct MigrationArtifacts {
  bool emitted = false;
  std::vector<ResourceAdoption> resources;
};

// Converts the bundle for `target` under "<target>/" in `output`, the stacks' dumps attached to
// their deployments. Service Catalog is converted in rendered mode (its artifact must be the
// deployed template byte for byte); the others in `mode`.
MigrationArtifacts emitMigrationArtifacts(const frontend::Bundle& bundle,
                                          const TemplateInputs& inputs,
                                          const std::vector<StackVerification>& verifications,
                                          const std::string& target, backends::ConversionMode mode,
                                          backends::OutputTree& output,
                                          ir::Diagnostics& diagnostics);

} // namespace pm::driver
