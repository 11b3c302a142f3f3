// Rendered lines map back to the Jinja source lines that produced them.
#include "frontend/rendered_line_map.h"

#include <doctest/doctest.h>

using pm::frontend::RenderedLineMap;

TEST_CASE("unchanged lines map exactly and substituted lines map to the line in their place") {
  std::string source = "Resources:\n  Q:\n    Name: '{{ x }}'\n    Type: T\n";
  std::string rendered = "Resources:\n  Q:\n    Name: 'abc'\n    Type: T\n";
  RenderedLineMap lines(source, rendered);
  CHECK(lines.sourceLine(1) == 1);
  CHECK(lines.unchanged(1));
  CHECK(lines.sourceLine(3) == 3);
  CHECK_FALSE(lines.unchanged(3));
  CHECK(lines.sourceLine(4) == 4);
}

TEST_CASE("lines a loop stamps out map to the loop body, never past it") {
  std::string source = "A:\n{% for i in xs %}\n  B{{ i }}: 1\n{% endfor %}\nC: 2\n";
  std::string rendered = "A:\n\n  B1: 1\n\n  B2: 1\n\n  B3: 1\n\nC: 2\n";
  RenderedLineMap lines(source, rendered);
  CHECK(lines.sourceLine(9) == 5);
  for (int line = 2; line <= 8; ++line) {
    CAPTURE(line);
    CHECK(lines.sourceLine(line) >= 2);
    CHECK(lines.sourceLine(line) <= 4);
  }
}
