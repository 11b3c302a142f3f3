#include "frontend/hcl/token_cursor.h"

#include "frontend/hcl/syntax_error.h"

namespace pm::frontend::hcl {

std::size_t TokenCursor::peekIndex(std::size_t ahead) const {
  const std::vector<Token>& tokens = tree_.tokens();
  std::size_t index = position_;
  while (true) {
    while (skipsNewlines() && tokens[index].kind == TokenKind::Newline)
      ++index;
    if (ahead == 0 || tokens[index].kind == TokenKind::EndOfFile)
      return index;
    --ahead;
    ++index;
  }
}

std::size_t TokenCursor::take() {
  std::size_t index = peekIndex();
  if (tree_.tokens()[index].kind != TokenKind::EndOfFile)
    position_ = index + 1;
  lastTakenEnd_ = position_;
  return index;
}

std::size_t TokenCursor::expect(std::string_view spelling, std::string_view what) {
  if (!peekIs(spelling))
    failExpected(what);
  return take();
}

std::size_t TokenCursor::expectKind(TokenKind kind, std::string_view what) {
  if (!peekKind(kind))
    failExpected(what);
  return take();
}

std::string TokenCursor::describe(const Token& token) const {
  switch (token.kind) {
  case TokenKind::Identifier:
  case TokenKind::Number:
  case TokenKind::Punctuation:
    return "'" +
           std::string(tree_.text().substr(token.text.begin, token.text.end - token.text.begin)) +
           "'";
  default:
    return tokenKindName(token.kind);
  }
}

void TokenCursor::failAt(const Token& token, const std::string& message) const {
  throw HclSyntaxError(token.line, token.column, message);
}

void TokenCursor::failExpected(std::string_view what) const {
  const Token& found = peek();
  failAt(found, "expected " + std::string(what) + ", found " + describe(found));
}

} // namespace pm::frontend::hcl
