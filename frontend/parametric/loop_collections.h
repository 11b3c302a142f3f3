// The lists a lifted loop iterates as inputs of the converted code: the pipeline's
// `service_instances` becomes a list of objects whose fields are what the loop bodies read of an
// element (`name`, `inputs.port`, `outputs.X`), typed from the service's schema where it types
// them, so a backend can declare it (a typed CDK prop, a Terraform `list(object)`).
#pragma once

#include "frontend/bundle/bundle.h"
#include "ir/module.h"

namespace pm::frontend {

// Types each context input of `module` that a loop iterates over objects; other inputs as they
// are.
void typeLoopCollections(ir::Module& module, const Bundle& bundle);

} // namespace pm::frontend
