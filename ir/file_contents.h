// Reading a whole file into a string: sized from the file, read in place, with no stream buffer
// between (every template, spec and hashed input goes through here).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace pm::ir {

// The bytes of the file at `path`; nothing when it cannot be opened or read.
std::optional<std::string> readFileContents(const std::filesystem::path& path);

} // namespace pm::ir
