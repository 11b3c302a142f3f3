// Lambda runtimes AWS no longer lets a function be created with. A product keeps the runtime (an
// adopted stack's artifact must be its deployed template) but is flagged: launching it fails.
#pragma once

#include "ir/diagnostics.h"
#include "ir/module.h"

#include <optional>
#include <string_view>

namespace pm::backends::sc {

inline constexpr const char* kRetiredRuntimeRule = "SC001";

// From the Lambda runtime deprecation policy
// (docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html), as of 2026-11: the runtimes
// whose function creation is blocked.
struct RetiredRuntime {
  std::string_view name;
  std::string_view deprecated;    // end of support
  std::string_view creationBlock; // no new function from this day on
};

std::optional<RetiredRuntime> retiredRuntime(std::string_view runtime);

// Each function of `module` set to a retired runtime gets a located warning and, in its
// Metadata, a cfn-lint suppression of that check (E2533) so the product's other checks still
// run.
void flagRetiredRuntimes(ir::Module& module, ir::Diagnostics& diagnostics);

} // namespace pm::backends::sc
