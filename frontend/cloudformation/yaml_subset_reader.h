// A fast reader for the YAML that templates are written in (block collections, flow
// collections, plain, quoted and block scalars, short tags), straight from the text. It
// declines everything else, and yaml-cpp reads what it declines.
#pragma once

#include "frontend/cloudformation/syntax_node.h"

#include <optional>
#include <string>

namespace pm::frontend {

// The tree yaml-cpp's reading would give (same kinds, texts, tags, locations and offsets), or
// null when the text leaves the subset: anchors and aliases, complex keys, directives, more
// than one document, multi-line plain and quoted scalars, block scalars with explicit
// indentation, keep chomping or more-indented folded lines, tabs, carriage returns, control
// characters, and anything yaml-cpp would reject. Reports nothing: a declined text is read
// again by yaml-cpp, which reports its errors.
std::optional<SyntaxNode> readYamlSubset(const std::string& path, const std::string& text);

} // namespace pm::frontend
