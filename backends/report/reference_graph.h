// The reference graph of a module (who refers to whom) as Graphviz DOT, Mermaid or JSON, and a
// plain-text summary of the model: what `inspect` prints.
#pragma once

#include "ir/module.h"

#include <string>

namespace pm::report {

enum class GraphFormat { Dot, Mermaid, Json };

// Nodes: inputs, conditions, resources, outputs, the pseudo parameters used and unresolved
// names; edges: every reference (ir::collectReferences), labelled by kind (+ attribute).
// Deterministic: source order, duplicates merged at their first occurrence.
std::string writeReferenceGraph(const ir::Module& module, GraphFormat format);

// Inputs, conditions, mappings, resources (type and attributes) and outputs, one per line.
std::string writeModelSummary(const ir::Module& module);

} // namespace pm::report
