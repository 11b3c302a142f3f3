// Spelling values and names as TypeScript source text.
#include "backends/cdk/typescript_text.h"

#include "ir/text_cursor.h"

#include <algorithm>
#include <cstdio>

namespace pm::backends::cdk {

namespace {

void appendEscaped(std::string& out, char c) {
  switch (c) {
  case '\\':
    out += "\\\\";
    return;
  case '\n':
    out += "\\n";
    return;
  case '\r':
    out += "\\r";
    return;
  case '\t':
    out += "\\t";
    return;
  default:
    break;
  }
  if (static_cast<unsigned char>(c) < 0x20) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned char>(c));
    out += buffer;
    return;
  }
  out += c;
}

// Whether `c` is written as it is in a literal whose own quote is `quote`.
bool plainIn(char c, char quote) {
  return static_cast<unsigned char>(c) >= 0x20 && c != '\\' && c != quote && c != '$';
}

// Appends `text` escaped for a literal quoted by `quote`, each run of plain characters at once:
// the generated stacks are mostly string literals.
void appendLiteral(std::string& out, std::string_view text, char quote) {
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t plain = at;
    while (plain < text.size() && plainIn(text[plain], quote))
      ++plain;
    out.append(text.substr(at, plain - at));
    if (plain == text.size())
      return;
    char c = text[plain];
    if (c == quote)
      out.append({'\\', quote});
    else if (c == '$') // only `${` opens a placeholder, and only in a template literal
      out.append(quote == '`' && plain + 1 < text.size() && text[plain + 1] == '{' ? "\\$" : "$");
    else
      appendEscaped(out, c);
    at = plain + 1;
  }
}

// Where a list or object literal breaks into one item per line.
constexpr std::size_t kLineWidth = 72;

// The size tsJoin() gives: a separator before every item once the text is not empty.
std::size_t joinedSize(const std::vector<std::string>& items, std::size_t separator) {
  std::size_t size = 0;
  for (const std::string& item : items)
    size += (size ? separator : 0) + item.size();
  return size;
}

} // namespace

std::string tsJoin(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  out.reserve(joinedSize(items, separator.size()));
  for (const std::string& item : items) {
    if (!out.empty())
      out.append(separator);
    out.append(item);
  }
  return out;
}

std::string tsLayout(const std::vector<std::string>& items, std::string_view open,
                     std::string_view close, int indent) {
  if (items.empty())
    return std::string(open) + std::string(close);
  // Items hold whole nested literals: they are appended once, with no temporaries.
  std::string out(open);
  bool oneLine = joinedSize(items, 2) <= kLineWidth &&
                 std::none_of(items.begin(), items.end(), [](const std::string& item) {
                   return item.find('\n') != std::string::npos;
                 });
  if (oneLine) {
    bool spaced = open == "{";
    out.append(spaced ? " " : "").append(tsJoin(items, ", ")).append(spaced ? " " : "");
    return out.append(close);
  }
  auto pad = static_cast<std::size_t>(indent + 2);
  out.reserve(joinedSize(items, pad + 2) + 2 * pad + close.size());
  out += '\n';
  for (const std::string& item : items)
    out.append(pad, ' ').append(item).append(",\n");
  return out.append(static_cast<std::size_t>(indent), ' ').append(close);
}

std::string tsString(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '\'';
  appendLiteral(out, text, '\'');
  out += '\'';
  return out;
}

std::string tsTemplateText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  appendLiteral(out, text, '`');
  return out;
}

bool isTsIdentifier(std::string_view name) {
  if (name.empty())
    return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    bool digit = c >= '0' && c <= '9';
    if (!letter && !(digit && i > 0))
      return false;
  }
  return true;
}

std::string tsKey(std::string_view name) {
  return isTsIdentifier(name) ? std::string(name) : tsString(name);
}

std::string tsNumber(std::string_view text) {
  // Decimal literals only: a leading zero ("007") is an octal literal strict mode refuses, and
  // hexadecimal or "+1" are not numbers CloudFormation would read the same.
  // The grammar -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, scanned by hand.
  ir::TextCursor cursor(text);
  cursor.one("-");
  bool valid =
      cursor.one("0") || (cursor.one("123456789") && (cursor.many(ir::kDecimalDigits), true));
  if (valid && cursor.one("."))
    valid = cursor.many(ir::kDecimalDigits) > 0;
  if (valid && cursor.one("eE")) {
    cursor.one("+-");
    valid = cursor.many(ir::kDecimalDigits) > 0;
  }
  return valid && cursor.atEnd() ? std::string(text) : std::string();
}

std::string tsCommentText(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '*' && i + 1 < text.size() && text[i + 1] == '/')
      out += "*\\";
    else
      out += text[i];
  }
  return out;
}

} // namespace pm::backends::cdk
