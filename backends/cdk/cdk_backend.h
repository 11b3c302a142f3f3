// The cdk target: AWS CDK TypeScript app.
#pragma once

#include "backends/backend.h"

#include <memory>

namespace pm::backends {

// The AWS CDK TypeScript app target.
std::unique_ptr<Backend> makeCdkBackend();

} // namespace pm::backends
