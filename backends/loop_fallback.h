// Loops a target cannot write, expanded for each deployment's elements instead: Service Catalog
// has no loop over a list of objects (Fn::ForEach iterates strings); Terraform writes loops over
// list inputs and the pipeline's service instances, and expands those over any other list. The
// expansion is what rendered mode would give, and each loop expanded is reported (MIG008) so the
// loss of the loop is never silent.
#pragma once

#include "backends/conversion_model.h"
#include "ir/diagnostics.h"

#include <functional>
#include <string>

namespace pm::backends {

// Whether a target writes a loop over the list with this ir::collectionKey ("service_instances",
// "inputs.queue_names").
using LoopSupport = std::function<bool(const std::string& collectionKey)>;

// Collection keys of inputs ("inputs.X"): lists of scalars a target can iterate.
bool isInputCollection(const std::string& collectionKey);

// `model` with every loop `supports` rejects expanded for its deployment's elements. A module
// several deployments share and that has such a loop becomes one module per deployment
// ("<module>-<deployment>"). The passes run again over the result when a loop was expanded.
ConversionModel withUnsupportedLoopsExpanded(const ConversionModel& model,
                                             const LoopSupport& supports, std::string_view target,
                                             ir::Diagnostics& diagnostics);

} // namespace pm::backends
