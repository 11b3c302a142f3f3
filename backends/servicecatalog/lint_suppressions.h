// cfn-lint checks a product template keeps failing on purpose, told to cfn-lint in the
// resource's Metadata (`cfn-lint: config: ignore_checks: [...]`) so the template's other checks
// still run: a retired Lambda runtime kept for adoption (retired_runtimes.h), and a target
// group that leaves HealthCheckPort to its AWS default where cfn-lint wants it written.
#pragma once

#include "ir/diagnostics.h"
#include "ir/expr.h"
#include "ir/module.h"

#include <string_view>

namespace pm::backends::sc {

inline constexpr const char* kLintSuppressedRule = "SC002";

// `metadata` with `check` added to cfn-lint's ignore_checks (kept when already there).
ir::ExprPtr withLintCheckIgnored(const ir::ExprPtr& metadata, std::string_view check);

// E3049: an ECS container with a dynamic host port (HostPort 0) behind a target group whose
// HealthCheckPort is not written. The default is traffic-port (AWS::ElasticLoadBalancingV2::
// TargetGroup reference), which is what the check asks for, so the deployed template stays as
// it is and the check is suppressed on each such target group, with a note.
void suppressDefaultHealthCheckPort(ir::Module& module, ir::Diagnostics& diagnostics);

} // namespace pm::backends::sc
