// The files around the stacks that make a CDK app: bin/app.ts (one stack per deployment),
// package.json, cdk.json, tsconfig.json and a README on deploying over the Proton stacks.
#pragma once

#include "backends/cdk/stack_writer.h"
#include "backends/conversion_model.h"
#include "backends/output_tree.h"
#include "ir/diagnostics.h"

#include <vector>

namespace pm::backends::cdk {

// The package versions the generated app pins (the versions it is checked against).
inline constexpr const char* kAwsCdkLibVersion = "2.276.0";
inline constexpr const char* kConstructsVersion = "10.8.1";
inline constexpr const char* kAwsCdkCliVersion = "2.1148.1";
inline constexpr const char* kTypeScriptVersion = "5.9.3";
inline constexpr const char* kNodeTypesVersion = "20.19.43";

void writeApp(const std::vector<StackClass>& stacks, const ConversionModel& model,
              OutputTree& output, ir::Diagnostics& diagnostics);

} // namespace pm::backends::cdk
