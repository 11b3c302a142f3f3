// Resource types that hold data: deleting or replacing one loses it (cfn-lint's stateful list,
// plus S3 buckets, KMS keys, ECR repositories, secrets and log groups; lint-rules.md REL002).
#pragma once

#include <string_view>

namespace pm::ir::lint {

bool isStatefulType(std::string_view type);

} // namespace pm::ir::lint
