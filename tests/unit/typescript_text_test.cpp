// TypeScript literals: what each character becomes, checked against a character-by-character
// statement of the escaping rules on random text.
#include "backends/cdk/typescript_text.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <random>
#include <string>

using pm::backends::cdk::tsString;
using pm::backends::cdk::tsTemplateText;

namespace {

// The escape of a character neither literal treats specially; empty when it stays as it is.
std::string commonEscape(char c) {
  switch (c) {
  case '\\':
    return "\\\\";
  case '\n':
    return "\\n";
  case '\r':
    return "\\r";
  case '\t':
    return "\\t";
  default:
    break;
  }
  if (static_cast<unsigned char>(c) < 0x20) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned char>(c));
    return buffer;
  }
  return std::string(1, c);
}

std::string expectedString(const std::string& text) {
  std::string out = "'";
  for (char c : text)
    out += c == '\'' ? "\\'" : commonEscape(c);
  return out + "'";
}

std::string expectedTemplateText(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '`')
      out += "\\`";
    else if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{')
      out += "\\$";
    else
      out += commonEscape(text[i]);
  }
  return out;
}

} // namespace

TEST_CASE("string and template literals escape quotes, backslashes, controls and placeholders") {
  CHECK(tsString("it's ${x} \\ `q`\n") == "'it\\'s ${x} \\\\ `q`\\n'");
  CHECK(tsTemplateText("it's ${x} $y \\ `q`\t\x01") == "it's \\${x} $y \\\\ \\`q\\`\\t\\x01");
  CHECK(tsString("") == "''");
  CHECK(tsTemplateText("$") == "$");
}

TEST_CASE("literals escape random text as the character rules say") {
  const std::string alphabet = std::string("ab $.{}'`\\\n\r\t\x01\x1f\x7f") + '\0' + "\xc3\xa9";
  std::mt19937 random(11);
  for (int round = 0; round < 20000; ++round) {
    std::string text(random() % 20, ' ');
    for (char& c : text)
      c = alphabet[random() % alphabet.size()];
    CAPTURE(text);
    REQUIRE(tsString(text) == expectedString(text));
    REQUIRE(tsTemplateText(text) == expectedTemplateText(text));
  }
}
