// The cdk target (not built yet).
#include "backends/cdk/cdk_backend.h"

namespace pm::backends {

std::unique_ptr<Backend> makeCdkBackend() {
  return nullptr;
}

} // namespace pm::backends
