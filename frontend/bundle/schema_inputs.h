// Schema properties as model inputs: what the backends turn into Terraform variables, CDK props
// and Service Catalog parameters, constraints included.
#pragma once

#include "frontend/bundle/schema.h"
#include "ir/input.h"

#include <vector>

namespace pm::frontend {

// One ir::Input per property, in declaration order; defaults and enum members become literal
// expressions located at their schema keyword.
std::vector<ir::Input> toModelInputs(const InputTypeSchema& type);

} // namespace pm::frontend
