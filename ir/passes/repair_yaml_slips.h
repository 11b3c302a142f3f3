// Repairs of YAML slips found in published templates, which CloudFormation's own YAML reading
// tolerates or which it would reject, typed by the CloudFormation type table:
//  - a YAML 1.1 boolean word (`Yes`, `No`, `On`, `Off`, ...) where the property is Boolean is
//    written as `true`/`false` [MIG031, warning];
//  - keys written beside an empty nested object instead of inside it (`- ServerSideEncryption
//    ByDefault:` with `SSEAlgorithm` under the dash) are moved inside it [MIG032, warning].
// Reads and rewrites each resource's properties; needs the resource types (any time after the
// frontend). Targets that must keep the rendered template byte for byte (CDK) do not run it.
#pragma once

#include "ir/diagnostics.h"
#include "ir/module.h"
#include "ir/type_table.h"

namespace pm::ir {

inline constexpr const char* kYamlBooleanRule = "MIG031";
inline constexpr const char* kReindentedKeyRule = "MIG032";

// Uses TypeTable::instance(); resources of types it does not know are left as they are.
void repairYamlSlips(Module& module, Diagnostics& diagnostics);
void repairYamlSlips(Module& module, const TypeTable& table, Diagnostics& diagnostics);

} // namespace pm::ir
