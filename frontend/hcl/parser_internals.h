// The recursive-descent parser behind parseHcl(), split by grammar area: bodies (parser.cpp),
// expressions (expression_parser.cpp) and templates (template_parser.cpp). Internal.
#pragma once

#include "frontend/hcl/syntax_tree.h"
#include "frontend/hcl/token_cursor.h"

namespace pm::frontend::hcl {

class Parser {
public:
  explicit Parser(SyntaxTree& tree) : tree_(tree), cursor_(tree) {}

  void parseFile();

  // Expressions
  NodeId parseExpression();

  // Templates: the parts of a quoted string or heredoc up to its closing token.
  NodeId parseQuotedTemplate();
  NodeId parseHeredoc();

private:
  // Bodies
  NodeId parseBody(bool insideBlock);
  std::vector<NodeId> parseBodyItems(bool insideBlock);
  NodeId parseItem();
  NodeId parseAttribute(std::size_t start);
  NodeId parseBlock(std::size_t start);
  NodeId parseLabel();
  void expectItemEnd(bool blockEndAllowed);

  // Expressions
  NodeId parseBinary(int minimumLevel);
  NodeId parseUnary();
  NodeId parsePostfix(NodeId term);
  void checkChainLength(int links);
  NodeId parseTerm();
  NodeId parseIdentifierTerm();
  NodeId parseFunctionCall(std::size_t start);
  NodeId parseParenthesized();
  NodeId parseTuple();
  NodeId parseObject();
  NodeId parseObjectItem();
  NodeId parseFor(NodeKind kind, std::string_view closer);
  void parseForIntro();
  bool atForIntro();

  // Templates
  std::vector<NodeId> parseTemplateParts();
  NodeId parseInterpolation();
  NodeId parseDirective();
  NodeId parseTemplateIf(std::size_t start);
  NodeId parseTemplateFor(std::size_t start);
  NodeId parseSequence();
  bool atDirective(std::string_view keyword) const;
  void expectDirective(std::string_view keyword);

  // Building nodes: a node spans from `start` to the last token taken.
  NodeId finishNode(NodeKind kind, std::size_t start, std::vector<NodeId> children = {});
  NodeId wrapNode(NodeKind kind, NodeId first, std::vector<NodeId> children);

  // Bounds the recursion: every nested construct enters one level.
  struct DepthGuard {
    DepthGuard(Parser& parser);
    ~DepthGuard() { --parser.depth_; }
    Parser& parser;
  };

  SyntaxTree& tree_;
  TokenCursor cursor_;
  int depth_ = 0;
};

} // namespace pm::frontend::hcl
