// Matching a parametric module against a deployed template (inverse rendering): each
// InputRef, ContextRef and UpstreamOutputRef binds to the deployed value at its position.
#pragma once

#include "frontend/parametric/spec_recovery.h"
#include "ir/diagnostics.h"
#include "ir/module.h"

#include <optional>
#include <string>

namespace pm::frontend {

// Walks resources (by logical ID), outputs, conditions and mappings of both modules, recording
// bindings in `out` and reporting every difference as MIG023 drift at its deployed location.
void matchDeployed(const ir::Module& parametric, const ir::Module& deployed, RecoveredSpec& out,
                   ir::Diagnostics& diagnostics);

// ASCII lower case: YAML 1.1 booleans and CloudFormation's `true`/`True` compare this way.
std::string lower(std::string text);

} // namespace pm::frontend
