// Lambda runtimes AWS no longer lets a function be created with. A product keeps the runtime (an
// adopted stack's artifact must be its deployed template) but is flagged: launching it fails.
#pragma once

#include "ir/diagnostics.h"
#include "ir/lambda_runtimes.h"
#include "ir/module.h"

#include <optional>
#include <string_view>

namespace pm::backends::sc {

inline constexpr const char* kRetiredRuntimeRule = "SC001";

// The runtimes of ir/lambda_runtimes.h: all of them have their function creation blocked.
using RetiredRuntime = ir::LambdaRuntime;

std::optional<RetiredRuntime> retiredRuntime(std::string_view runtime);

// Each function of `module` set to a retired runtime gets a located warning and, in its
// Metadata, a cfn-lint suppression of that check (E2533) so the product's other checks still
// run.
void flagRetiredRuntimes(ir::Module& module, ir::Diagnostics& diagnostics);

} // namespace pm::backends::sc
