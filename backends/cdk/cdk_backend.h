// The cdk target: AWS CDK TypeScript app.
#pragma once

#include "backends/backend.h"

#include <memory>

namespace pm::backends {

// nullptr while the backend is not built yet.
std::unique_ptr<Backend> makeCdkBackend();

} // namespace pm::backends
