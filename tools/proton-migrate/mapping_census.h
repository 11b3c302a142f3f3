// How a target carries the resources of a model, counted for batch reports: the Terraform
// backend's curated/awscc choice, CDK's L1 classes, Service Catalog keeping CloudFormation.
#pragma once

#include "backends/conversion_model.h"
#include "backends/output_tree.h"

#include <map>
#include <string>
#include <string_view>

namespace pm::driver {

// Adds the model's resources to `counts` by kind (see report::BundleOutcome::resourcesByKind).
void countResourcesByKind(const backends::ConversionModel& model, std::string_view target,
                          std::map<std::string, int>& counts);

// A bundle written in Terraform passes its resources through: adds the resource blocks of the
// .tf files written to `counts` as "pass-through".
void countPassThroughResources(const backends::OutputTree& output,
                               std::map<std::string, int>& counts);

// Loads the tables the backends read lazily, so that threads converting in parallel only read
// them.
void preloadConversionTables();

} // namespace pm::driver
