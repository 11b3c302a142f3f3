// Pass: bind upstream outputs. Reads every UpstreamOutputRef (an environment output read by a
// service instance, an instance output read by a pipeline) and the Outputs of the modules the
// reader is linked to (Module::upstreamModules: the compatible environments). Each reference
// must name an Output of every linked module present in the graph, else [MIG003] at the
// reference; a producing output that has a Condition can be absent [MIG003, warning]. A cycle of
// upstream links is [PRS019]. Changes nothing in the graph: the bindings (reference -> producing
// module/output) go into an UpstreamBindings side table for the backends. Needs resolve
// references.
#pragma once

#include "ir/diagnostics.h"
#include "ir/module_graph.h"
#include "ir/source_location.h"

#include <string>
#include <string_view>
#include <vector>

namespace pm::ir {

inline constexpr const char* kMissingUpstreamOutputRule = "MIG003";
inline constexpr const char* kModuleCycleRule = "PRS019";

struct OutputProducer {
  std::string module; // the upstream module
  std::string output; // its Output, named as the reference names it
  SourceLocation location;
};

struct UpstreamBinding {
  std::string consumer;    // the module holding the reference
  std::string namedModule; // UpstreamOutput::module as written ("environment" or a module name)
  std::string output;
  SourceLocation location; // of the reference
  // One per linked module that declares the output, in upstreamModules order; fewer than the
  // linked modules means a MIG003 was reported.
  std::vector<OutputProducer> producers;
};

struct UpstreamBindings {
  std::vector<UpstreamBinding> bindings; // consumers in topological order, references in source
                                         // order
  // The binding of the reference written at `location` in `consumer`, or nullptr.
  const UpstreamBinding* find(std::string_view consumer, const SourceLocation& location) const;
};

// Which modules a reference can be read from: the module it names when that is a module of the
// graph, otherwise every module the consumer is linked to that the graph holds (a service
// template reads `environment.outputs.X` of whichever compatible environment it is deployed in).
std::vector<const Module*> producingModules(const ModuleGraph& graph, const Module& consumer,
                                            std::string_view namedModule);

// The modules' references are found on `threads` threads (the result does not depend on it).
void runBindUpstreamOutputs(ModuleGraph& graph, Diagnostics& diagnostics,
                            UpstreamBindings& bindings, unsigned threads = 1);
// Diagnostics only (the pass-list form).
void runBindUpstreamOutputs(ModuleGraph& graph, Diagnostics& diagnostics);

} // namespace pm::ir
