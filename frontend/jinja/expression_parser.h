// Jinja's expression grammar (jinja2/parser.py from parse_tuple down to parse_primary): the
// precedence of `if`/`or`/`and`/`not`, comparisons, `+ -`, `~`, `* / // %`, `**`, unary minus,
// then postfix access, calls, filters and tests.
#pragma once

#include "frontend/jinja/ast.h"
#include "frontend/jinja/token_stream.h"

#include <string>
#include <vector>

namespace pm::jinja {

using EndTags = std::vector<std::string>;

ExprPtr makeExpr(ExprKind kind, Position position);

class ExpressionParser : private TokenCursor {
public:
  explicit ExpressionParser(TokenStream& stream) : TokenCursor(stream) {}

  // Jinja's parse_tuple: one expression, or a tuple when commas follow (`{{ 1, 2 }}`).
  ExprPtr parseTuple(bool simplified, bool withCondition, const EndTags& extraEnd,
                     bool explicitParentheses);
  ExprPtr parseExpression(bool withCondition);
  ExprPtr parsePrimary();
  // `| name(args) | ...`; with startInline the first filter has no leading `|` (filter blocks).
  ExprPtr parseFilterChain(ExprPtr node, bool startInline = false);

private:

  bool isTupleEnd(const EndTags& extraEnd) const;
  ExprPtr parseCondition();
  ExprPtr binary(ExprPtr left, const Token& op, ExprPtr right);
  ExprPtr parseOr();
  ExprPtr parseAnd();
  ExprPtr parseNot();
  ExprPtr parseCompare();
  ExprPtr parseLeftAssociative(std::initializer_list<const char*> ops,
                               ExprPtr (ExpressionParser::*next)());
  ExprPtr parseMath1();
  ExprPtr parseConcat();
  ExprPtr parseMath2();
  ExprPtr parsePow();
  ExprPtr parseUnaryWithFilter();
  ExprPtr parseUnary(bool withFilter);
  ExprPtr parseList();
  ExprPtr parseDict();
  ExprPtr parsePostfix(ExprPtr node);
  ExprPtr parseFilterExpr(ExprPtr node);
  ExprPtr parseSubscript(ExprPtr node);
  ExprPtr parseSubscribed();
  ExprPtr parseCall(ExprPtr node);
  void parseCallArguments(Expr& node);
  std::string parseDottedName();
  ExprPtr parseTest(ExprPtr node);
  bool startsTestArgument() const;

};

} // namespace pm::jinja
