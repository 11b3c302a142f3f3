// Splitting HCL native syntax into tokens. Quoted strings and heredocs are templates, so the
// lexer keeps a stack of what it is inside (a template, an interpolation, a brace) to know
// whether `}` closes an object or an interpolation and where a template literal ends.
#pragma once

#include "frontend/hcl/token.h"

#include <string_view>
#include <vector>

namespace pm::frontend::hcl {

// All tokens of `text`, ending with EndOfFile (whose trivia holds the file's trailing comments).
// Throws HclSyntaxError on text that cannot be tokenized.
std::vector<Token> tokenize(std::string_view text);

} // namespace pm::frontend::hcl
