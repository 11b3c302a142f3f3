// Committing an OutputTree to disk atomically: everything is written to a temporary folder beside
// the target, which then replaces the target in one rename. On failure nothing is left behind and
// a previous output stays intact, also when the run is interrupted (staging_registry.h).
#pragma once

#include "backends/output_tree.h"

#include <string>

namespace pm::driver {

// Throws std::runtime_error (an I/O failure) with a message naming the path. The files are
// written on `threads` threads.
void commitOutputTree(const backends::OutputTree& tree, const std::string& directory,
                      unsigned threads = 1);

// One file (a report), written beside its target and renamed into place likewise.
void commitOutputFile(const std::string& content, const std::string& path);

} // namespace pm::driver
