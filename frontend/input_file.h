// Reading the loose input files a user names on the command line (specs, output maps, stack
// dumps), with a size bound and a located diagnostic when they cannot be read.
#pragma once

#include "ir/diagnostics.h"

#include <optional>
#include <string>

namespace pm::frontend {

constexpr std::size_t kMaxInputFileBytes = 16u << 20;

// PRS011 when the file is missing, a directory, unreadable or larger than the bound.
std::optional<std::string> readInputFile(const std::string& path, ir::Diagnostics& diagnostics);

} // namespace pm::frontend
