// Comparing regenerated output with a folder on disk, as `check` and `batch --check` do.
#pragma once

#include "backends/output_tree.h"

#include <string>

namespace pm::driver {

// The unified diff of every file that differs, is missing from `directory` or is left over in
// it, in path order; empty when the folder holds exactly `regenerated`. What tools leave beside
// generated code (node_modules/, cdk.out/, .terraform/, lock and state files) is not compared.
std::string staleFilesDiff(const backends::OutputTree& regenerated, const std::string& directory);

} // namespace pm::driver
