// The terraform target: Terraform modules and roots.
#pragma once

#include "backends/backend.h"

#include <memory>

namespace pm::backends {

// The Terraform backend (modules, a root per run, aws/awscc resource mappings).
std::unique_ptr<Backend> makeTerraformBackend();

} // namespace pm::backends
