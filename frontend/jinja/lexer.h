// Splits a template into Jinja's tokens: template data, tag delimiters and expression tokens,
// applying whitespace control (`{%-`, `-%}`), comments and `{% raw %}` the way Jinja's lexer does.
#pragma once

#include "frontend/jinja/template_error.h"

#include <string>
#include <vector>

namespace pm::jinja {

enum class TokenType {
  Data,
  VariableBegin,
  VariableEnd,
  BlockBegin,
  BlockEnd,
  Name,
  String,
  Integer,
  Float,
  Operator,
  Error, // a lexical error, raised only when the parser reaches it (Jinja lexes lazily)
  Eof
};

struct Token {
  TokenType type;
  std::string value; // data text, name, unescaped string, number text or operator
  Position position;
};

// Jinja's preprocessing of the source: newlines normalised to \n, one trailing newline dropped
// (keep_trailing_newline=False).
std::string normalizeSource(const std::string& text);

// Tokenizes normalized source. A lexical error ends the list with an Error token (value: the
// message), so that an earlier parse error is reported first, as in Jinja.
std::vector<Token> tokenize(const std::string& source);

// Jinja's describe_token(): "end of statement block", "'if'", ...
std::string describeToken(const Token& token);

} // namespace pm::jinja
