// The parser's view of the token list: lookahead, expectations with Jinja's error wording, and
// a nesting guard that bounds recursion on hostile input.
#pragma once

#include "frontend/jinja/lexer.h"

#include <string>
#include <vector>

namespace pm::jinja {

class TokenStream {
public:
  TokenStream(const std::vector<Token>& tokens, int maxNesting)
      : tokens_(tokens), maxNesting_(maxNesting) {}

  const Token& current() const { return checked(tokens_[index_]); }
  const Token& peek() const;
  const Token& advance();
  bool isOp(const char* op) const;
  bool isName(const char* name) const;
  bool skipOp(const char* op);
  bool skipName(const char* name);

  // Jinja's TokenStream.expect messages: "unexpected end of template, expected 'x'." at the end,
  // "expected token 'x', got 'y'" elsewhere.
  [[noreturn]] void failExpected(const std::string& what) const;
  const Token& expect(TokenType type, const char* what);
  const Token& expectOp(const char* op);
  const Token& expectName(const char* name);

  // Counts nested expressions and blocks; deeper than the limit is a syntax error, so input
  // like `((((((...` cannot exhaust the stack.
  class NestingGuard {
  public:
    explicit NestingGuard(TokenStream& stream);
    ~NestingGuard() { --stream_.depth_; }
    NestingGuard(const NestingGuard&) = delete;
    NestingGuard& operator=(const NestingGuard&) = delete;

  private:
    TokenStream& stream_;
  };

  // For loops that build left-nested trees (`a + b + c`, `x|f|g`, `a.b.c`): each link is one
  // more level of nesting until the whole chain is parsed.
  class ChainGuard {
  public:
    explicit ChainGuard(TokenStream& stream) : stream_(stream) {}
    ~ChainGuard() { stream_.depth_ -= links_; }
    ChainGuard(const ChainGuard&) = delete;
    ChainGuard& operator=(const ChainGuard&) = delete;
    void link();

  private:
    TokenStream& stream_;
    int links_ = 0;
  };

private:
  [[noreturn]] void failNesting() const;
  // Raises the lexical error an Error token carries, once the parser gets to it.
  static const Token& checked(const Token& token);

  const std::vector<Token>& tokens_;
  std::size_t index_ = 0;
  int depth_ = 0;
  int maxNesting_;
};

// The base of both grammars: forwarders that keep the grammar functions close to
// jinja2/parser.py.
class TokenCursor {
protected:
  explicit TokenCursor(TokenStream& stream) : stream_(stream) {}

  const Token& current() const { return stream_.current(); }
  const Token& peek() const { return stream_.peek(); }
  const Token& advance() { return stream_.advance(); }
  bool isOp(const char* op) const { return stream_.isOp(op); }
  bool isName(const char* name) const { return stream_.isName(name); }
  bool skipOp(const char* op) { return stream_.skipOp(op); }
  bool skipName(const char* name) { return stream_.skipName(name); }
  const Token& expect(TokenType type, const char* what) { return stream_.expect(type, what); }
  const Token& expectOp(const char* op) { return stream_.expectOp(op); }
  const Token& expectName(const char* name) { return stream_.expectName(name); }

  TokenStream& stream_;
};

} // namespace pm::jinja
