// Reading JSON template text into a SyntaxNode tree (rapidjson underneath), with the line and
// column of every value.
#pragma once

#include "frontend/cloudformation/syntax_node.h"
#include "ir/diagnostics.h"

#include <optional>
#include <string>

namespace pm::frontend {

// Null when the text is not valid JSON (reported as PRS001).
std::optional<SyntaxNode> readJsonSyntax(const std::string& path, const std::string& text,
                                         ir::Diagnostics& diagnostics);

} // namespace pm::frontend
