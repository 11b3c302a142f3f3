// Bodies: attributes and blocks, the structure of a .tf file.
#include "frontend/hcl/parser.h"

#include "frontend/hcl/lexer.h"
#include "frontend/hcl/parser_internals.h"
#include "frontend/hcl/rules.h"
#include "frontend/hcl/syntax_error.h"

#include <algorithm>
#include <string>

namespace pm::frontend::hcl {

Parser::DepthGuard::DepthGuard(Parser& parser) : parser(parser) {
  if (++parser.depth_ > kMaxNestingDepth)
    parser.cursor_.failAt(parser.cursor_.peek(),
                          "nesting deeper than " + std::to_string(kMaxNestingDepth) + " levels");
}

NodeId Parser::finishNode(NodeKind kind, std::size_t start, std::vector<NodeId> children) {
  std::size_t end = std::max(start, cursor_.lastTakenEnd());
  return tree_.addNode(Node{kind, start, end, std::move(children)});
}

NodeId Parser::wrapNode(NodeKind kind, NodeId first, std::vector<NodeId> children) {
  return finishNode(kind, tree_.node(first).firstToken, std::move(children));
}

void Parser::parseFile() {
  cursor_.pushNewlines(true);
  std::vector<NodeId> items = parseBodyItems(false);
  // All tokens but EndOfFile, whose trivia holds the comments that end the file.
  tree_.mutableNode(tree_.root()) =
      Node{NodeKind::Body, 0, tree_.tokens().size() - 1, std::move(items)};
}

NodeId Parser::parseBody(bool insideBlock) {
  std::size_t start = cursor_.position();
  std::vector<NodeId> items = parseBodyItems(insideBlock);
  return tree_.addNode(Node{NodeKind::Body, start, cursor_.position(), std::move(items)});
}

std::vector<NodeId> Parser::parseBodyItems(bool insideBlock) {
  DepthGuard guard(*this);
  std::vector<NodeId> items;
  while (true) {
    while (cursor_.peekKind(TokenKind::Newline))
      cursor_.take();
    if (cursor_.peekKind(TokenKind::EndOfFile)) {
      if (insideBlock)
        cursor_.failExpected("'}' closing the block");
      break;
    }
    if (cursor_.peekIs("}")) {
      if (insideBlock)
        break;
      cursor_.failAt(cursor_.peek(), "unexpected '}' with no block open");
    }
    items.push_back(parseItem());
  }
  return items;
}

NodeId Parser::parseItem() {
  std::size_t start = cursor_.nodeStart();
  if (!cursor_.peekKind(TokenKind::Identifier))
    cursor_.failExpected("an attribute name or a block type");
  if (cursor_.peekIs("=", 1))
    return parseAttribute(start);
  return parseBlock(start);
}

NodeId Parser::parseAttribute(std::size_t start) {
  cursor_.take();
  cursor_.take(); // "="
  NodeId value = parseExpression();
  NodeId attribute = finishNode(NodeKind::Attribute, start, {value});
  expectItemEnd(true);
  return attribute;
}

NodeId Parser::parseBlock(std::size_t start) {
  cursor_.take();
  std::vector<NodeId> children;
  while (cursor_.peekKind(TokenKind::Identifier) || cursor_.peekKind(TokenKind::OpenQuote))
    children.push_back(parseLabel());
  if (!cursor_.peekIs("{"))
    cursor_.failExpected(children.empty() ? "'=' or '{' after the name" : "a block label or '{'");
  cursor_.take();
  children.push_back(parseBody(true));
  cursor_.expect("}", "'}' closing the block");
  NodeId block = finishNode(NodeKind::Block, start, std::move(children));
  expectItemEnd(false);
  return block;
}

NodeId Parser::parseLabel() {
  std::size_t start = cursor_.nodeStart();
  if (cursor_.peekKind(TokenKind::Identifier)) {
    cursor_.take();
    return finishNode(NodeKind::Label, start);
  }
  cursor_.take(); // opening quote
  if (cursor_.peekKind(TokenKind::TemplateLiteral))
    cursor_.take();
  if (!cursor_.peekKind(TokenKind::CloseQuote))
    cursor_.failAt(cursor_.peek(), "a block label cannot contain template sequences");
  cursor_.take();
  return finishNode(NodeKind::Label, start);
}

// An attribute or block ends its line; a one-line block `b { a = 1 }` ends at its brace.
void Parser::expectItemEnd(bool blockEndAllowed) {
  if (cursor_.peekKind(TokenKind::Newline) || cursor_.peekKind(TokenKind::EndOfFile))
    return;
  if (blockEndAllowed && cursor_.peekIs("}"))
    return;
  cursor_.failExpected("a newline after the attribute or block");
}

std::optional<SyntaxTree> parseHcl(const std::string& path, std::string text,
                                   ir::Diagnostics& diagnostics) {
  diagnostics.registerSource(path, text);
  try {
    std::vector<Token> tokens = tokenize(text);
    SyntaxTree tree(path, std::move(text), std::move(tokens));
    Parser(tree).parseFile();
    return tree;
  } catch (const HclSyntaxError& error) {
    diagnostics.error(kHclSyntaxRule, {path, error.line, error.column}, error.what());
    return std::nullopt;
  }
}

} // namespace pm::frontend::hcl
