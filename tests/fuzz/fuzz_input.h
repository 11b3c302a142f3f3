// What the harnesses share: the bytes as text, a check that diagnostics print, and a private
// scratch folder for the readers that take a path.
#pragma once

#include "frontend/cloudformation/syntax_node.h"
#include "ir/diagnostics.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace pm::fuzz {

std::string textOf(const std::uint8_t* data, std::size_t size);

// Prints every diagnostic (with its source line and caret) into a string, so a location outside
// its text is caught; every diagnostic must carry a rule id.
void checkDiagnostics(const ir::Diagnostics& diagnostics);

// A folder of this process's own under the temporary directory, removed at exit.
const std::filesystem::path& scratchDirectory();

// Writes `content` to `relative` under the scratch folder and returns the full path.
std::filesystem::path writeScratchFile(const std::string& relative, const std::string& content);

using SyntaxReader = std::optional<frontend::SyntaxNode> (*)(const std::string& path,
                                                             const std::string& text,
                                                             ir::Diagnostics& diagnostics);

// The bytes read as a template by `reader` (YAML or JSON), its sections read into a module, and
// the passes run over it alone, as the readers' callers do.
int fuzzTemplate(const std::uint8_t* data, std::size_t size, const std::string& path,
                 SyntaxReader reader);

} // namespace pm::fuzz
