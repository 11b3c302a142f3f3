// Token lookahead and expectations for the parser.
#include "frontend/jinja/token_stream.h"

#include <algorithm>

namespace pm::jinja {

const Token& TokenStream::checked(const Token& token) {
  if (token.type == TokenType::Error)
    syntaxError(token.position, token.value);
  return token;
}

const Token& TokenStream::peek() const {
  return checked(tokens_[std::min(index_ + 1, tokens_.size() - 1)]);
}

const Token& TokenStream::advance() {
  const Token& token = current();
  if (index_ + 1 < tokens_.size())
    ++index_;
  return token;
}

bool TokenStream::isOp(const char* op) const {
  return current().type == TokenType::Operator && current().value == op;
}

bool TokenStream::isName(const char* name) const {
  return current().type == TokenType::Name && current().value == name;
}

bool TokenStream::skipOp(const char* op) {
  if (!isOp(op))
    return false;
  advance();
  return true;
}

bool TokenStream::skipName(const char* name) {
  if (!isName(name))
    return false;
  advance();
  return true;
}

void TokenStream::failExpected(const std::string& what) const {
  if (current().type == TokenType::Eof)
    syntaxError(current().position, "unexpected end of template, expected '" + what + "'.");
  syntaxError(current().position,
              "expected token '" + what + "', got '" + describeToken(current()) + "'");
}

const Token& TokenStream::expect(TokenType type, const char* what) {
  if (current().type != type)
    failExpected(what);
  return advance();
}

const Token& TokenStream::expectOp(const char* op) {
  if (!isOp(op))
    failExpected(op);
  return advance();
}

const Token& TokenStream::expectName(const char* name) {
  if (!isName(name))
    failExpected(name);
  return advance();
}

void TokenStream::failNesting() const {
  syntaxError(current().position, "expression or block nesting is deeper than " +
                                      std::to_string(maxNesting_) + " levels");
}

TokenStream::NestingGuard::NestingGuard(TokenStream& stream) : stream_(stream) {
  if (++stream_.depth_ > stream_.maxNesting_)
    stream_.failNesting();
}

void TokenStream::ChainGuard::link() {
  ++links_;
  if (++stream_.depth_ > stream_.maxNesting_)
    stream_.failNesting();
}

} // namespace pm::jinja
