// SyntaxNode's constructor, out of line (see syntax_node.h).
#include "frontend/cloudformation/syntax_node.h"

namespace pm::frontend {

SyntaxNode::SyntaxNode() = default;

} // namespace pm::frontend
