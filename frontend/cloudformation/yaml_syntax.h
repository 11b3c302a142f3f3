// Reading YAML template text into a SyntaxNode tree: the subset reader (yaml_subset_reader.h)
// where it applies, yaml-cpp for the rest.
#pragma once

#include "frontend/cloudformation/syntax_node.h"
#include "ir/diagnostics.h"

#include <optional>
#include <string>

namespace pm::frontend {

// Null when the text is not valid YAML (reported as PRS001) or not exactly one document.
std::optional<SyntaxNode> readYamlSyntax(const std::string& path, const std::string& text,
                                         ir::Diagnostics& diagnostics);

// The same reading with yaml-cpp alone: the reference the subset reader is held to.
std::optional<SyntaxNode> readYamlSyntaxWithYamlCpp(const std::string& path,
                                                    const std::string& text,
                                                    ir::Diagnostics& diagnostics);

} // namespace pm::frontend
