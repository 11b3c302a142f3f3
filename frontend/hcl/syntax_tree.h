// The concrete syntax tree of one HCL file. A node covers a contiguous run of tokens and lists its
// child nodes in source order; every token belongs to the innermost node covering it, so the
// tree prints back the exact file text and every node knows its file:line:col and byte span.
#pragma once

#include "frontend/hcl/token.h"
#include "ir/source_location.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pm::frontend::hcl {

using NodeId = std::size_t;

// Child layout per kind (children in source order):
enum class NodeKind {
  Body,      // Attribute and Block items
  Attribute, // name `=` value: [value]
  Block,     // type labels... `{` body `}`: [Label..., Body]
  Label,     // an identifier or a quoted string without interpolation: []
  // Expressions
  Literal,       // number, true, false, null: []
  Template,      // quoted string: [TemplateText | Interpolation | TemplateIf | TemplateFor ...]
  Heredoc,       // `<<EOF` template: same children as Template
  TemplateText,  // literal text of a template: []
  Interpolation, // `${ expr }`: [expr]
  TemplateIf,    // `%{ if c }` then `%{ else }` else `%{ endif }`: [c, Sequence, Sequence?]
  TemplateFor,   // `%{ for k, v in coll }` body `%{ endfor }`: [coll, Sequence]
  Sequence,      // a run of template parts inside a directive
  Tuple,         // `[a, b]`: [elements...]
  Object,        // `{ k = v }`: [ObjectItem...]
  ObjectItem,    // key (`=` or `:`) value: [key, value]
  FunctionCall,  // name(args...) with optional trailing `...`: [args...]
  Variable,      // a root name such as `var`, `local`, `each`: []
  GetAttr,       // source `.` name (also the legacy `.0` index): [source]
  Index,         // source `[` key `]`: [source, key]
  Splat,         // source `.*` or `[*]`: [source]
  Parenthesized, // `(` expr `)`: [expr]
  Unary,         // `!` or `-` operand: [operand]
  Binary,        // left op right: [left, right]
  Conditional,   // c `?` a `:` b: [c, a, b]
  ForTuple,      // `[for k, v in coll : value if cond]`: [coll, value, cond?]
  ForObject,     // `{for k, v in coll : key => value... if cond}`: [coll, key, value, cond?]
};

const char* nodeKindName(NodeKind kind);

struct Node {
  NodeKind kind = NodeKind::Body;
  std::size_t firstToken = 0; // tokens [firstToken, endToken)
  std::size_t endToken = 0;
  std::vector<NodeId> children;
};

class SyntaxTree {
public:
  SyntaxTree(std::string path, std::string text, std::vector<Token> tokens);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  const std::vector<Token>& tokens() const { return tokens_; }
  const Node& node(NodeId id) const { return nodes_[id]; }
  std::size_t nodeCount() const { return nodes_.size(); }
  NodeId root() const { return 0; }

  // Bytes of the node without the trivia in front of its first token.
  Span span(NodeId id) const;
  std::string_view sourceText(NodeId id) const;
  std::string_view tokenText(std::size_t token) const;
  ir::SourceLocation location(NodeId id) const;
  ir::SourceLocation tokenLocation(std::size_t token) const;

  // The tokens a node owns itself (not covered by a child), in order: keywords, names, operators.
  std::vector<std::size_t> ownTokens(NodeId id) const;
  // The identifier token naming an Attribute, Block type, GetAttr or FunctionCall (first part).
  std::string_view name(NodeId id) const;
  // A Block's label values (quotes removed), a Body's attributes and blocks.
  std::vector<std::string> blockLabels(NodeId block) const;
  std::vector<NodeId> items(NodeId body) const;
  // Queries a backend needs, e.g. `provider "aws"` and its `default_tags { tags = ... }`:
  // the blocks of a body with a type (and leading labels), and an attribute by name.
  std::vector<NodeId> blocks(NodeId body, std::string_view type,
                             const std::vector<std::string>& labels = {}) const;
  std::optional<NodeId> attribute(NodeId body, std::string_view name) const;
  // The body of a Block.
  NodeId blockBody(NodeId block) const { return nodes_[block].children.back(); }
  // Text of a Template with only literal parts, escapes decoded; nothing when it interpolates.
  std::optional<std::string> literalString(NodeId templateNode) const;

  // Every token with its trivia, in tree order: equals text() for a well-formed tree.
  std::string print() const;
  // Children lie inside their parent, in order and without overlap (what makes print() exact).
  bool wellNested(NodeId id) const;

  // Building (parser only).
  NodeId addNode(Node node);
  Node& mutableNode(NodeId id) { return nodes_[id]; }

private:
  void printNode(NodeId id, std::string& out) const;
  void printTokens(std::size_t from, std::size_t to, std::string& out) const;

  std::string path_;
  std::string text_;
  std::vector<Token> tokens_;
  std::vector<Node> nodes_;
};

} // namespace pm::frontend::hcl
