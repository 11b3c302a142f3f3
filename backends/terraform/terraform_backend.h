// The terraform target: Terraform modules and roots.
#pragma once

#include "backends/backend.h"

#include <memory>

namespace pm::backends {

// nullptr while the backend is not built yet.
std::unique_ptr<Backend> makeTerraformBackend();

} // namespace pm::backends
