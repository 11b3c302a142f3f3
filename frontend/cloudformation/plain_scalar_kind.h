// What an untagged plain YAML scalar in a template means: null, a boolean, a number or a string.
#pragma once

#include "frontend/cloudformation/syntax_node.h"

#include <string_view>

namespace pm::frontend {

// YAML 1.2 core schema. CloudFormation's YAML parser does not turn yes/no/on/off into
// booleans, and numbers keep their text anyway, so the core schema is the faithful choice.
SyntaxNode::Kind plainScalarKind(std::string_view text);

} // namespace pm::frontend
