// Rendered mode bakes the environment outputs a service reads into its template. A product is
// launched in whatever environment the user picks, so those values become parameters, as in
// parametric mode, each with the value it was rendered with as its default: launched with the
// defaults, the product gives the rendered template's resources.
#pragma once

#include "ir/instantiate.h"
#include "ir/module.h"

#include <map>
#include <string>

namespace pm::backends::sc {

// `module` with each string (or Fn::Sub text) in its resources and outputs that holds the value
// of one of `outputs` (by "module.output", as ir::InputValues keeps them) reading that output
// instead (an UpstreamOutputRef). A whole string matches any value; a value inside a longer
// string only when it is at least kMinimumEmbeddedLength characters long, so that short values
// ("1", "true") are not taken for an output inside unrelated text.
ir::Module withEnvironmentOutputsRead(const ir::Module& module,
                                      const std::map<std::string, ir::BoundValue>& outputs);

inline constexpr std::size_t kMinimumEmbeddedLength = 6;

} // namespace pm::backends::sc
