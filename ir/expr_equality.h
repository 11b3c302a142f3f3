// Structural equality of model trees, ignoring where things were read from: two modules are
// equal when they deploy the same thing, whichever text they came from.
#pragma once

#include "ir/expr.h"
#include "ir/module.h"

namespace pm::ir {

// Same kind and payload, recursively; source locations are ignored, numbers compare by their
// text, a Sub by its parts and variables (its source string and list form are spelling only).
bool equalExprs(const ExprPtr& a, const ExprPtr& b);

bool equalResources(const Resource& a, const Resource& b);
bool equalOutputs(const Output& a, const Output& b);
bool equalConditions(const Condition& a, const Condition& b);
bool equalMappings(const Mapping& a, const Mapping& b);

// What the modules deploy: format version, description, transforms, metadata, resources,
// outputs, conditions, mappings and other sections. Kind, name, paths and inputs are not
// compared: an instantiated module has bound its inputs.
bool equalModules(const Module& a, const Module& b);

} // namespace pm::ir
