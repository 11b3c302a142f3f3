// Reading YAML template text into a SyntaxNode tree (yaml-cpp underneath).
#pragma once

#include "frontend/cloudformation/syntax_node.h"
#include "ir/diagnostics.h"

#include <optional>
#include <string>

namespace pm::frontend {

// Null when the text is not valid YAML (reported as PRS001) or not exactly one document.
std::optional<SyntaxNode> readYamlSyntax(const std::string& path, const std::string& text,
                                         ir::Diagnostics& diagnostics);

} // namespace pm::frontend
