// Jinja's parser: turns tokens into statements and expressions with Jinja's precedence rules and
// its error messages ("Encountered unknown tag 'endfoo'. ...").
#pragma once

#include "frontend/jinja/ast.h"
#include "frontend/jinja/lexer.h"

namespace pm::jinja {

struct ParseLimits {
  int maxNesting = 200; // expression and block nesting, so deep input cannot exhaust the stack
};

// Parses the whole template, as Jinja does before rendering anything; also rejects unknown
// filters and tests the way Jinja's compiler does (outside `if` blocks). Throws TemplateError.
Body parseTemplate(const std::vector<Token>& tokens, const ParseLimits& limits = {});

} // namespace pm::jinja
