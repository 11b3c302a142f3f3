// The tokens of HCL native syntax. Every byte of a file belongs to exactly one token: either to
// its text or to the trivia (spaces, tabs, comments) in front of it, so tokens print back the file.
#pragma once

#include <cstddef>
#include <string_view>

namespace pm::frontend::hcl {

enum class TokenKind {
  Identifier,
  Number,
  Newline,
  Punctuation, // operators, brackets, "=", ".", ",", "...", "::", "=>"
  OpenQuote,   // `"` opening a quoted template
  CloseQuote,
  OpenHeredoc,  // `<<EOF` or `<<-EOF`, with the newline that ends the introducer
  CloseHeredoc, // the closing marker line, without its newline
  TemplateLiteral,
  TemplateInterpolation, // `${` or `${~`
  TemplateDirective,     // `%{` or `%{~`
  TemplateSequenceEnd,   // `}` or `~}` closing an interpolation or directive
  EndOfFile,
};

const char* tokenKindName(TokenKind kind);

// A byte range [begin, end) of the file text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

struct Token {
  TokenKind kind = TokenKind::EndOfFile;
  Span trivia; // the spaces and comments in front of the token
  Span text;
  int line = 1;   // 1-based line of the token's first byte
  int column = 1; // 1-based column, in bytes

  // For Punctuation and Identifier: is the token text exactly `spelling`?
  bool is(std::string_view source, std::string_view spelling) const {
    return (kind == TokenKind::Punctuation || kind == TokenKind::Identifier) &&
           source.substr(text.begin, text.end - text.begin) == spelling;
  }
};

} // namespace pm::frontend::hcl
