// One CloudFormation resource as a Terraform resource block: the choice between the curated
// `aws` mapping and the mechanical `awscc` one, then arguments, count/for_each, depends_on and
// lifecycle.
#pragma once

#include "backends/terraform/expression_translator.h"
#include "backends/terraform/hcl_document.h"
#include "backends/terraform/resource_mapping.h"
#include "ir/resource.h"

namespace pm::tf {

// Chooses the target of every resource of the scope's module (fills scope.resources): the
// curated mapping when it covers every property the resource sets, else awscc, else an error
// diagnostic naming the type.
void planResources(ModuleScope& scope, const MappingTables& tables);

// Appends the resource's block to `file`; nothing for an unmapped resource.
void writeResource(const ir::Resource& resource, ModuleScope& scope, HclFile& file);

// The HCL test under which a resource or output exists: its CloudFormation Condition and its
// guards as locals joined by &&; empty when it always exists.
std::string presenceCondition(const std::optional<ir::LocatedName>& condition,
                              const std::vector<ir::Guard>& guards, ModuleScope& scope);

} // namespace pm::tf
