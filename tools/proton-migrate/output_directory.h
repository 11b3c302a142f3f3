// Committing an OutputTree to disk atomically: everything is written to a temporary folder beside
// the target, which then replaces the target in one rename. On failure nothing is left behind and
// a previous output stays intact.
#pragma once

#include "backends/output_tree.h"

#include <string>

namespace pm::driver {

// Throws std::runtime_error (an I/O failure) with a message naming the path.
void commitOutputTree(const backends::OutputTree& tree, const std::string& directory);

} // namespace pm::driver
