// Giving CloudFormation meaning to a SyntaxNode tree: intrinsic functions in short (!Ref) and
// long (Ref:, Fn::Join:) form become typed ir::Expr nodes; malformed ones become Unsupported
// nodes with a PRS008 diagnostic.
#pragma once

#include "frontend/cloudformation/syntax_node.h"
#include "ir/diagnostics.h"
#include "ir/expr.h"
#include "ir/line_index.h"

#include <string>

namespace pm::frontend {

class ExprBuilder {
public:
  // Inside the Conditions section (and the arguments of Fn::And/Or/Not) a single-key map
  // {Condition: Name} refers to a condition; elsewhere `Condition` is an ordinary key (IAM
  // policies use it).
  enum class Scope { Value, Conditions };

  ExprBuilder(const std::string& path, const std::string& text, ir::Diagnostics& diagnostics);

  ir::ExprPtr build(const SyntaxNode& node, Scope scope = Scope::Value);

private:
  ir::ExprPtr buildUntagged(const SyntaxNode& node, Scope scope);
  ir::ExprPtr scalar(const SyntaxNode& node);
  ir::ExprPtr mapping(const SyntaxNode& node, Scope scope);
  ir::ExprPtr longForm(const SyntaxNode& node, Scope scope);
  ir::ExprPtr intrinsic(ir::ExprKind kind, const SyntaxNode& argument,
                        const ir::SourceLocation& location, const std::string& spelling,
                        Scope scope);
  ir::ExprPtr ref(const SyntaxNode& argument, const ir::SourceLocation& location,
                  const std::string& spelling);
  ir::ExprPtr getAtt(const SyntaxNode& argument, const ir::SourceLocation& location,
                     const std::string& spelling);
  ir::ExprPtr sub(const SyntaxNode& argument, const ir::SourceLocation& location,
                  const std::string& spelling);
  ir::ExprPtr ifThen(const SyntaxNode& argument, const ir::SourceLocation& location,
                     const std::string& spelling, Scope scope);
  ir::ExprPtr listCall(ir::ExprKind kind, const SyntaxNode& argument,
                       const ir::SourceLocation& location, const std::string& spelling,
                       Scope scope);
  ir::SubTemplate subTemplate(const SyntaxNode& text);
  ir::ExprPtr unsupported(const std::string& spelling, const std::string& reason,
                          const SyntaxNode* original, const ir::SourceLocation& location);

  const std::string& path_;
  const std::string& text_;
  ir::LineIndex lines_;
  ir::Diagnostics& diagnostics_;
};

} // namespace pm::frontend
