// Rendered lines map back to the Jinja source lines that produced them.
#include "frontend/rendered_line_map.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

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

namespace {

// The alignment by the definition: a table of suffix LCS lengths over every line, walked from
// the start, matching equal lines and otherwise skipping a source line when that keeps the most.
std::vector<int> alignedByDefinition(const std::vector<std::string>& source,
                                     const std::vector<std::string>& rendered) {
  std::size_t n = source.size(), m = rendered.size();
  std::vector<std::vector<int>> table(n + 1, std::vector<int>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      table[i][j] = source[i] == rendered[j] ? table[i + 1][j + 1] + 1
                                             : std::max(table[i + 1][j], table[i][j + 1]);
  std::vector<int> matched(m, -1);
  for (std::size_t i = 0, j = 0; i < n && j < m;) {
    if (source[i] == rendered[j])
      matched[j++] = static_cast<int>(i++);
    else if (table[i + 1][j] >= table[i][j + 1])
      ++i;
    else
      ++j;
  }
  return matched;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines)
    text += line + "\n";
  return text;
}

} // namespace

TEST_CASE("the alignment is the full table's, ties and lines only one side has included") {
  // Few distinct lines make many ties; lines only one side has stand for Jinja tags and
  // substituted lines, which the alignment leaves out of its table.
  std::uint32_t state = 12345;
  auto next = [&](std::uint32_t bound) {
    state = state * 1103515245u + 12345u;
    return (state >> 16) % bound;
  };
  for (int round = 0; round < 400; ++round) {
    // Every fourth round past 64 lines a side, where the lengths span several machine words.
    std::uint32_t most = round % 4 == 0 ? 300 : 40;
    std::vector<std::string> source, rendered;
    for (std::uint32_t i = next(most); i-- > 0;)
      source.push_back(next(4) == 0 ? "{% tag " + std::to_string(next(1000)) + " %}"
                                    : "line " + std::to_string(next(6)));
    for (std::uint32_t j = next(most); j-- > 0;)
      rendered.push_back(next(4) == 0 ? "value " + std::to_string(next(1000))
                                      : "line " + std::to_string(next(6)));
    RenderedLineMap lines(joined(source), joined(rendered));
    std::vector<int> expected = alignedByDefinition(source, rendered);
    for (std::size_t j = 0; j < rendered.size(); ++j) {
      CAPTURE(round);
      CAPTURE(j);
      int line = static_cast<int>(j) + 1;
      REQUIRE(lines.unchanged(line) == (expected[j] >= 0));
      if (expected[j] >= 0)
        REQUIRE(lines.sourceLine(line) == expected[j] + 1);
    }
  }
}
