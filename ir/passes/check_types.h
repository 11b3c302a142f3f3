// Pass: check types. Reads each resource's type and top-level properties and every Fn::GetAtt
// (and ${Name.Attr} in Fn::Sub) against the CloudFormation type table (ir/type_table.h) and
// reports unknown resource types [PRS014, warning], attributes the target's type does not have
// [PRS015], unknown properties [PRS016, warning: passed through] and missing required
// properties [PRS016]. Changes nothing in the model.
// Runs after resolve references (it checks attributes only on references that resolved to a
// resource).
#pragma once

#include "ir/diagnostics.h"
#include "ir/module.h"
#include "ir/module_graph.h"
#include "ir/type_table.h"

namespace pm::ir {

inline constexpr const char* kUnknownResourceTypeRule = "PRS014";
inline constexpr const char* kUnknownAttributeRule = "PRS015";
inline constexpr const char* kPropertyProblemRule = "PRS016";

// Uses TypeTable::instance(); when it cannot be loaded, reports that once [PRS014] and checks
// nothing.
void runCheckTypes(Module& module, Diagnostics& diagnostics);
// Each module on one of `threads` threads (the diagnostics do not depend on it).
void runCheckTypes(ModuleGraph& graph, Diagnostics& diagnostics, unsigned threads = 1);
// The same against a given table (tests).
void runCheckTypes(Module& module, const TypeTable& table, Diagnostics& diagnostics);

} // namespace pm::ir
