#include "frontend/hcl/syntax_tree.h"

#include "frontend/hcl/string_escapes.h"

#include <algorithm>

namespace pm::frontend::hcl {

const char* nodeKindName(NodeKind kind) {
  switch (kind) {
  case NodeKind::Body:
    return "body";
  case NodeKind::Attribute:
    return "attribute";
  case NodeKind::Block:
    return "block";
  case NodeKind::Label:
    return "label";
  case NodeKind::Literal:
    return "literal";
  case NodeKind::Template:
    return "template";
  case NodeKind::Heredoc:
    return "heredoc";
  case NodeKind::TemplateText:
    return "template text";
  case NodeKind::Interpolation:
    return "interpolation";
  case NodeKind::TemplateIf:
    return "template if";
  case NodeKind::TemplateFor:
    return "template for";
  case NodeKind::Sequence:
    return "template sequence";
  case NodeKind::Tuple:
    return "tuple";
  case NodeKind::Object:
    return "object";
  case NodeKind::ObjectItem:
    return "object item";
  case NodeKind::FunctionCall:
    return "function call";
  case NodeKind::Variable:
    return "variable";
  case NodeKind::GetAttr:
    return "attribute access";
  case NodeKind::Index:
    return "index";
  case NodeKind::Splat:
    return "splat";
  case NodeKind::Parenthesized:
    return "parenthesized expression";
  case NodeKind::Unary:
    return "unary operation";
  case NodeKind::Binary:
    return "binary operation";
  case NodeKind::Conditional:
    return "conditional";
  case NodeKind::ForTuple:
    return "tuple for expression";
  case NodeKind::ForObject:
    return "object for expression";
  }
  return "node";
}

namespace {

// What `<<-` does: remove the leading blanks all non-blank lines share.
std::string stripCommonIndentation(const std::string& text) {
  std::size_t common = std::string::npos;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = std::min(text.find('\n', start), text.size());
    std::size_t blanks = text.find_first_not_of(" \t", start);
    if (blanks < end)
      common = std::min(common, blanks - start);
    start = end + 1;
  }
  if (common == std::string::npos || common == 0)
    return text;
  std::string out;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = std::min(text.find('\n', start), text.size());
    std::size_t cut = std::min(start + common, end);
    out.append(text, cut, end - cut);
    if (end < text.size())
      out += '\n';
    start = end + 1;
  }
  return out;
}

} // namespace

SyntaxTree::SyntaxTree(std::string path, std::string text, std::vector<Token> tokens)
    : path_(std::move(path)), text_(std::move(text)), tokens_(std::move(tokens)) {
  nodes_.push_back(Node{NodeKind::Body, 0, 0, {}}); // the root, filled in by the parser
}

Span SyntaxTree::span(NodeId id) const {
  const Node& n = nodes_[id];
  if (n.firstToken >= n.endToken) {
    std::size_t at = tokens_[n.firstToken].trivia.begin;
    return {at, at};
  }
  return {tokens_[n.firstToken].text.begin, tokens_[n.endToken - 1].text.end};
}

std::string_view SyntaxTree::sourceText(NodeId id) const {
  Span s = span(id);
  return std::string_view(text_).substr(s.begin, s.end - s.begin);
}

std::string_view SyntaxTree::tokenText(std::size_t token) const {
  const Span& s = tokens_[token].text;
  return std::string_view(text_).substr(s.begin, s.end - s.begin);
}

ir::SourceLocation SyntaxTree::tokenLocation(std::size_t token) const {
  return {path_, tokens_[token].line, tokens_[token].column};
}

ir::SourceLocation SyntaxTree::location(NodeId id) const {
  return tokenLocation(nodes_[id].firstToken);
}

std::vector<std::size_t> SyntaxTree::ownTokens(NodeId id) const {
  std::vector<std::size_t> own;
  const Node& n = nodes_[id];
  std::size_t token = n.firstToken;
  for (NodeId child : n.children) {
    for (; token < nodes_[child].firstToken; ++token)
      own.push_back(token);
    token = std::max(token, nodes_[child].endToken);
  }
  for (; token < n.endToken; ++token)
    own.push_back(token);
  return own;
}

std::string_view SyntaxTree::name(NodeId id) const {
  for (std::size_t token : ownTokens(id)) {
    TokenKind kind = tokens_[token].kind;
    if (kind == TokenKind::Identifier || kind == TokenKind::Number)
      return tokenText(token);
  }
  return {};
}

std::vector<std::string> SyntaxTree::blockLabels(NodeId block) const {
  std::vector<std::string> labels;
  for (NodeId child : nodes_[block].children) {
    if (nodes_[child].kind != NodeKind::Label)
      continue;
    std::string_view text = sourceText(child);
    if (!text.empty() && text.front() == '"')
      labels.push_back(decodeStringLiteral(text.substr(1, text.size() - 2)));
    else
      labels.emplace_back(text);
  }
  return labels;
}

std::vector<NodeId> SyntaxTree::items(NodeId body) const {
  return nodes_[body].children;
}

std::vector<NodeId> SyntaxTree::blocks(NodeId body, std::string_view type,
                                       const std::vector<std::string>& labels) const {
  std::vector<NodeId> found;
  for (NodeId item : nodes_[body].children) {
    if (nodes_[item].kind != NodeKind::Block || name(item) != type)
      continue;
    std::vector<std::string> itemLabels = blockLabels(item);
    if (itemLabels.size() >= labels.size() &&
        std::equal(labels.begin(), labels.end(), itemLabels.begin()))
      found.push_back(item);
  }
  return found;
}

std::optional<NodeId> SyntaxTree::attribute(NodeId body, std::string_view attributeName) const {
  for (NodeId item : nodes_[body].children)
    if (nodes_[item].kind == NodeKind::Attribute && name(item) == attributeName)
      return item;
  return std::nullopt;
}

std::optional<std::string> SyntaxTree::literalString(NodeId templateNode) const {
  const Node& n = nodes_[templateNode];
  if (n.kind != NodeKind::Template && n.kind != NodeKind::Heredoc)
    return std::nullopt;
  std::string value;
  for (NodeId part : n.children) {
    if (nodes_[part].kind != NodeKind::TemplateText)
      return std::nullopt;
    value += n.kind == NodeKind::Template ? decodeStringLiteral(sourceText(part))
                                          : decodeTemplateEscapes(sourceText(part));
  }
  bool flush = n.kind == NodeKind::Heredoc && tokenText(n.firstToken).starts_with("<<-");
  return flush ? stripCommonIndentation(value) : value;
}

std::string SyntaxTree::print() const {
  std::string out;
  printNode(root(), out);
  printTokens(nodes_[root()].endToken, tokens_.size(), out);
  return out;
}

bool SyntaxTree::wellNested(NodeId id) const {
  const Node& n = nodes_[id];
  std::size_t at = n.firstToken;
  for (NodeId child : n.children) {
    const Node& c = nodes_[child];
    if (c.firstToken < at || c.endToken > n.endToken || c.firstToken > c.endToken ||
        !wellNested(child))
      return false;
    at = c.endToken;
  }
  return true;
}

void SyntaxTree::printNode(NodeId id, std::string& out) const {
  const Node& n = nodes_[id];
  std::size_t token = n.firstToken;
  for (NodeId child : n.children) {
    printTokens(token, nodes_[child].firstToken, out);
    printNode(child, out);
    token = nodes_[child].endToken;
  }
  printTokens(token, n.endToken, out);
}

void SyntaxTree::printTokens(std::size_t from, std::size_t to, std::string& out) const {
  for (std::size_t token = from; token < to; ++token) {
    const Token& t = tokens_[token];
    out.append(text_, t.trivia.begin, t.trivia.end - t.trivia.begin);
    out.append(text_, t.text.begin, t.text.end - t.text.begin);
  }
}

NodeId SyntaxTree::addNode(Node node) {
  nodes_.push_back(std::move(node));
  return nodes_.size() - 1;
}

} // namespace pm::frontend::hcl
