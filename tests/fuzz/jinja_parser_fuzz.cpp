// Jinja parser: any token list parses into a body or throws TemplateError (a PRS002), with
// nesting bounded so deep input cannot exhaust the stack.
#include "tests/fuzz/fuzz_entry_points.h"
#include "tests/fuzz/fuzz_input.h"

#include "frontend/jinja/parser.h"

namespace pm::fuzz {

int jinjaParserFuzz(const std::uint8_t* data, std::size_t size) {
  std::vector<jinja::Token> tokens = jinja::tokenize(jinja::normalizeSource(textOf(data, size)));
  try {
    (void)jinja::parseTemplate(tokens);
  } catch (const jinja::TemplateError&) {
    // a syntax error: the expected outcome for most inputs
  }
  return 0;
}

} // namespace pm::fuzz
