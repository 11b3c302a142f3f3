// Expressions: operators by HCL precedence, conditionals, terms, traversals, collections and
// `for` expressions.
#include "frontend/hcl/parser_internals.h"
#include "frontend/hcl/rules.h"

#include <array>
#include <string>
#include <string_view>

namespace pm::frontend::hcl {

namespace {

struct BinaryOperator {
  std::string_view spelling;
  int level; // higher binds tighter
};

// The HCL specification's operator precedence, lowest first.
constexpr std::array<BinaryOperator, 13> kBinaryOperators = {{
    {"||", 1},
    {"&&", 2},
    {"==", 3},
    {"!=", 3},
    {">", 4},
    {">=", 4},
    {"<", 4},
    {"<=", 4},
    {"+", 5},
    {"-", 5},
    {"*", 6},
    {"/", 6},
    {"%", 6},
}};

constexpr std::array<std::string_view, 3> kLiteralKeywords = {"true", "false", "null"};

} // namespace

NodeId Parser::parseExpression() {
  DepthGuard guard(*this);
  NodeId condition = parseBinary(1);
  if (!cursor_.peekIs("?"))
    return condition;
  cursor_.take();
  NodeId whenTrue = parseExpression();
  cursor_.expect(":", "':' in the conditional expression");
  NodeId whenFalse = parseExpression();
  return wrapNode(NodeKind::Conditional, condition, {condition, whenTrue, whenFalse});
}

NodeId Parser::parseBinary(int minimumLevel) {
  NodeId left = parseUnary();
  for (int links = 0;; ++links) {
    checkChainLength(links);
    const BinaryOperator* found = nullptr;
    for (const BinaryOperator& op : kBinaryOperators)
      if (op.level >= minimumLevel && cursor_.peekIs(op.spelling))
        found = &op;
    if (!found)
      return left;
    cursor_.take();
    DepthGuard guard(*this);
    NodeId right = parseBinary(found->level + 1);
    left = wrapNode(NodeKind::Binary, left, {left, right});
  }
}

void Parser::checkChainLength(int links) {
  if (links > kMaxChainLength)
    cursor_.failAt(cursor_.peek(),
                   "expression chain longer than " + std::to_string(kMaxChainLength) + " links");
}

NodeId Parser::parseUnary() {
  if (!cursor_.peekIs("!") && !cursor_.peekIs("-"))
    return parsePostfix(parseTerm());
  DepthGuard guard(*this);
  std::size_t start = cursor_.nodeStart();
  cursor_.take();
  NodeId operand = parseUnary();
  return finishNode(NodeKind::Unary, start, {operand});
}

NodeId Parser::parsePostfix(NodeId term) {
  for (int links = 0;; ++links) {
    checkChainLength(links);
    if (cursor_.peekIs(".")) {
      cursor_.take();
      if (cursor_.peekIs("*")) {
        cursor_.take();
        term = wrapNode(NodeKind::Splat, term, {term});
      } else if (cursor_.peekKind(TokenKind::Identifier) || cursor_.peekKind(TokenKind::Number)) {
        cursor_.take();
        term = wrapNode(NodeKind::GetAttr, term, {term});
      } else {
        cursor_.failExpected("an attribute name after '.'");
      }
    } else if (cursor_.peekIs("[")) {
      cursor_.take();
      cursor_.pushNewlines(false);
      if (cursor_.peekIs("*") && cursor_.peekIs("]", 1)) {
        cursor_.take();
        cursor_.take();
        cursor_.popNewlines();
        term = wrapNode(NodeKind::Splat, term, {term});
        continue;
      }
      NodeId key = parseExpression();
      cursor_.expect("]", "']' closing the index");
      cursor_.popNewlines();
      term = wrapNode(NodeKind::Index, term, {term, key});
    } else {
      return term;
    }
  }
}

NodeId Parser::parseTerm() {
  DepthGuard guard(*this);
  std::size_t start = cursor_.nodeStart();
  const Token& next = cursor_.peek();
  switch (next.kind) {
  case TokenKind::Number:
    cursor_.take();
    return finishNode(NodeKind::Literal, start);
  case TokenKind::Identifier:
    return parseIdentifierTerm();
  case TokenKind::OpenQuote:
    return parseQuotedTemplate();
  case TokenKind::OpenHeredoc:
    return parseHeredoc();
  default:
    break;
  }
  if (cursor_.peekIs("("))
    return parseParenthesized();
  if (cursor_.peekIs("["))
    return atForIntro() ? parseFor(NodeKind::ForTuple, "]") : parseTuple();
  if (cursor_.peekIs("{"))
    return atForIntro() ? parseFor(NodeKind::ForObject, "}") : parseObject();
  cursor_.failExpected("an expression");
}

NodeId Parser::parseIdentifierTerm() {
  std::size_t start = cursor_.nodeStart();
  for (std::string_view keyword : kLiteralKeywords)
    if (cursor_.peekIs(keyword)) {
      cursor_.take();
      return finishNode(NodeKind::Literal, start);
    }
  if (cursor_.peekIs("(", 1) || cursor_.peekIs("::", 1))
    return parseFunctionCall(start);
  cursor_.take();
  return finishNode(NodeKind::Variable, start);
}

// name(args), provider::aws::name(args), with a trailing `...` expanding the last argument.
NodeId Parser::parseFunctionCall(std::size_t start) {
  cursor_.take();
  while (cursor_.peekIs("::")) {
    cursor_.take();
    cursor_.expectKind(TokenKind::Identifier, "a function name after '::'");
  }
  cursor_.expect("(", "'(' opening the function arguments");
  cursor_.pushNewlines(false);
  std::vector<NodeId> arguments;
  while (!cursor_.peekIs(")")) {
    arguments.push_back(parseExpression());
    if (cursor_.peekIs("...")) {
      cursor_.take();
      break;
    }
    if (!cursor_.peekIs(","))
      break;
    cursor_.take();
  }
  cursor_.expect(")", "',' or ')' in the function arguments");
  cursor_.popNewlines();
  return finishNode(NodeKind::FunctionCall, start, std::move(arguments));
}

NodeId Parser::parseParenthesized() {
  std::size_t start = cursor_.nodeStart();
  cursor_.take();
  cursor_.pushNewlines(false);
  NodeId inner = parseExpression();
  cursor_.expect(")", "')' closing the parenthesis");
  cursor_.popNewlines();
  return finishNode(NodeKind::Parenthesized, start, {inner});
}

NodeId Parser::parseTuple() {
  std::size_t start = cursor_.nodeStart();
  cursor_.take();
  cursor_.pushNewlines(false);
  std::vector<NodeId> elements;
  while (!cursor_.peekIs("]")) {
    elements.push_back(parseExpression());
    if (!cursor_.peekIs(","))
      break;
    cursor_.take();
  }
  cursor_.expect("]", "',' or ']' in the tuple");
  cursor_.popNewlines();
  return finishNode(NodeKind::Tuple, start, std::move(elements));
}

// Items are separated by commas or newlines, so newlines count here (not inside the values'
// own brackets).
NodeId Parser::parseObject() {
  std::size_t start = cursor_.nodeStart();
  cursor_.take();
  cursor_.pushNewlines(true);
  std::vector<NodeId> items;
  while (true) {
    while (cursor_.peekKind(TokenKind::Newline))
      cursor_.take();
    if (cursor_.peekIs("}"))
      break;
    items.push_back(parseObjectItem());
    if (cursor_.peekIs(","))
      cursor_.take();
    else if (!cursor_.peekKind(TokenKind::Newline) && !cursor_.peekIs("}"))
      cursor_.failExpected("',', a newline or '}' after the object item");
  }
  cursor_.take();
  cursor_.popNewlines();
  return finishNode(NodeKind::Object, start, std::move(items));
}

NodeId Parser::parseObjectItem() {
  std::size_t start = cursor_.nodeStart();
  NodeId key = parseExpression();
  if (!cursor_.peekIs("=") && !cursor_.peekIs(":"))
    cursor_.failExpected("'=' or ':' after the object key");
  cursor_.take();
  NodeId value = parseExpression();
  return finishNode(NodeKind::ObjectItem, start, {key, value});
}

// `[` or `{` followed by `for <name>`, on the same line or the next: a for expression rather
// than a collection.
bool Parser::atForIntro() {
  cursor_.pushNewlines(false);
  bool found = cursor_.peekIs("for", 1) && cursor_.peekKind(TokenKind::Identifier, 2);
  cursor_.popNewlines();
  return found;
}

void Parser::parseForIntro() {
  cursor_.take(); // "for"
  cursor_.expectKind(TokenKind::Identifier, "a variable name after 'for'");
  if (cursor_.peekIs(",")) {
    cursor_.take();
    cursor_.expectKind(TokenKind::Identifier, "a second variable name after ','");
  }
  cursor_.expect("in", "'in' in the for expression");
}

NodeId Parser::parseFor(NodeKind kind, std::string_view closer) {
  std::size_t start = cursor_.nodeStart();
  cursor_.take();
  cursor_.pushNewlines(false);
  parseForIntro();
  std::vector<NodeId> children{parseExpression()};
  cursor_.expect(":", "':' after the for expression's collection");
  children.push_back(parseExpression());
  if (kind == NodeKind::ForObject) {
    cursor_.expect("=>", "'=>' between the key and the value");
    children.push_back(parseExpression());
    if (cursor_.peekIs("..."))
      cursor_.take();
  }
  if (cursor_.peekIs("if")) {
    cursor_.take();
    children.push_back(parseExpression());
  }
  cursor_.expect(closer, "'" + std::string(closer) + "' closing the for expression");
  cursor_.popNewlines();
  return finishNode(kind, start, std::move(children));
}

} // namespace pm::frontend::hcl
