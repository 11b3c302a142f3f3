// The terraform target (not built yet).
#include "backends/terraform/terraform_backend.h"

namespace pm::backends {

std::unique_ptr<Backend> makeTerraformBackend() {
  return nullptr;
}

} // namespace pm::backends
