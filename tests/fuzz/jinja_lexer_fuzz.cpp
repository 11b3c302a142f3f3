// Jinja lexer: any text tokenizes (a lexical error is an Error token, never a throw), and every
// token has a description and a position inside the text.
#include "tests/fuzz/fuzz_entry_points.h"
#include "tests/fuzz/fuzz_input.h"

#include "frontend/jinja/lexer.h"

#include <cstdlib>

namespace pm::fuzz {

int jinjaLexerFuzz(const std::uint8_t* data, std::size_t size) {
  std::string source = jinja::normalizeSource(textOf(data, size));
  std::vector<jinja::Token> tokens = jinja::tokenize(source);
  if (tokens.empty() || (tokens.back().type != jinja::TokenType::Eof &&
                         tokens.back().type != jinja::TokenType::Error))
    std::abort(); // the list always ends in Eof or Error
  for (const jinja::Token& token : tokens) {
    if (token.position.line < 1 || token.position.column < 1)
      std::abort();
    (void)jinja::describeToken(token);
  }
  return 0;
}

} // namespace pm::fuzz
