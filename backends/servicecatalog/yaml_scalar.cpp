// Quoting rules for YAML scalars. A reader applies YAML 1.1's implicit types (PyYAML, which
// cfn-lint uses), so everything those resolve to a bool, null, number or date is quoted.
#include "backends/servicecatalog/yaml_scalar.h"

#include <array>
#include <cctype>
#include <regex>

namespace pm::backends::sc {

namespace {

constexpr std::array<std::string_view, 13> kReservedWords{
    "y", "yes", "n", "no", "true", "false", "on", "off", "null", "~", "=", "<<", ".inf"};

bool isReservedWord(std::string_view text) {
  constexpr std::size_t kLongest = 5; // "false", "-.inf"
  if (text.size() > kLongest)
    return false;
  char buffer[kLongest];
  for (std::size_t i = 0; i < text.size(); ++i)
    buffer[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
  std::string_view lower(buffer, text.size());
  if (lower == ".nan" || lower == "-.inf" || lower == "+.inf")
    return true;
  for (std::string_view word : kReservedWords)
    if (lower == word)
      return true;
  return false;
}

// Numbers (decimal, octal, hex, binary, sexagesimal, floats with exponents) and timestamps.
bool looksTyped(std::string_view text) {
  // Every typed form starts with a sign, a dot or a digit: most scalars (names, ARNs) need no
  // regex search at all, which was a twentieth of a batch run.
  if (text.empty() ||
      std::string_view("+-.0123456789").find(text.front()) == std::string_view::npos)
    return false;
  static const std::regex kTyped(R"(^[-+]?(\.[0-9_]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$)"
                                 R"(|^[-+]?0[xXoObB][0-9a-fA-F_]+$)"
                                 R"(|^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$)"
                                 R"(|^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2})");
  return std::regex_search(text.begin(), text.end(), kTyped);
}

// ASCII letters and digits and the punctuation a plain scalar may hold here, as a table: this
// is asked of every character the Service Catalog templates write.
constexpr std::array<bool, 256> kPlainCharacters = [] {
  std::array<bool, 256> plain{};
  for (int c = 0; c < 256; ++c)
    plain[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  for (char c : std::string_view("_./-+=@$(){}:;,~^ "))
    plain[static_cast<unsigned char>(c)] = true;
  return plain;
}();

bool isPlainCharacter(char c) {
  return kPlainCharacters[static_cast<unsigned char>(c)];
}

std::string singleQuoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    out += c;
    if (c == '\'')
      out += '\'';
  }
  return out + "'";
}

std::string doubleQuoted(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "\"";
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\r':
      out += "\\r";
      break;
    default:
      if (u < 0x20 || u == 0x7f) {
        out += "\\x";
        out += kHex[u >> 4];
        out += kHex[u & 0xf];
      } else {
        out += c;
      }
    }
  }
  return out + "\"";
}

bool needsEscapes(std::string_view text) {
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f)
      return true;
  }
  return false;
}

} // namespace

bool isPlainSafe(std::string_view text) {
  if (text.empty() || text.front() == ' ' || text.back() == ' ' || text.back() == ':')
    return false;
  unsigned char first = static_cast<unsigned char>(text.front());
  if (!std::isalnum(first) &&
      std::string_view("_./$(").find(text.front()) == std::string_view::npos)
    return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!isPlainCharacter(text[i]))
      return false;
    if (text[i] == ':' && i + 1 < text.size() && text[i + 1] == ' ')
      return false;
  }
  return !isReservedWord(text) && !looksTyped(text);
}

std::string yamlScalar(std::string_view text) {
  if (isPlainSafe(text))
    return std::string(text);
  return needsEscapes(text) ? doubleQuoted(text) : singleQuoted(text);
}

} // namespace pm::backends::sc
