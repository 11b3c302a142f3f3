// Pass: resolve references. Reads every Ref, Fn::GetAtt, Fn::Sub variable, DependsOn entry,
// resource/output Condition and Fn::If condition name of a module and reports those that name
// nothing the template declares ([PRS012], at the reference). Changes nothing in the model.
// Runs first, right after the readers; the reference edges themselves come from
// ir::collectReferences (ir/reference.h).
#pragma once

#include "ir/diagnostics.h"
#include "ir/module.h"
#include "ir/module_graph.h"

namespace pm::ir {

inline constexpr const char* kUnresolvedReferenceRule = "PRS012";

void runResolveReferences(Module& module, Diagnostics& diagnostics);
// Each module on one of `threads` threads (the diagnostics do not depend on it).
void runResolveReferences(ModuleGraph& graph, Diagnostics& diagnostics, unsigned threads = 1);

} // namespace pm::ir
