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

// The template sections of a syntax tree (YAML or JSON) read into a module, and the passes run
// over it alone, as the readers' callers do.
void readTemplateAndRunPasses(const std::string& path, const std::string& text,
                              const std::optional<frontend::SyntaxNode>& root,
                              ir::Diagnostics& diagnostics);

} // namespace pm::fuzz
