#include "frontend/hcl/string_escapes.h"

#include <cstdint>

namespace pm::frontend::hcl {

namespace {

void appendUtf8(std::string& out, std::uint32_t codePoint) {
  if (codePoint < 0x80) {
    out += static_cast<char>(codePoint);
  } else if (codePoint < 0x800) {
    out += static_cast<char>(0xC0 | (codePoint >> 6));
    out += static_cast<char>(0x80 | (codePoint & 0x3F));
  } else if (codePoint < 0x10000) {
    out += static_cast<char>(0xE0 | (codePoint >> 12));
    out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (codePoint & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (codePoint >> 18));
    out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (codePoint & 0x3F));
  }
}

// `\u` + 4 or `\U` + 8 hex digits at text[at]; the number of bytes consumed, 0 when malformed.
std::size_t decodeUnicodeEscape(std::string_view text, std::size_t at, std::string& out) {
  std::size_t digits = text[at + 1] == 'u' ? 4 : 8;
  if (at + 2 + digits > text.size())
    return 0;
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < digits; ++i) {
    char c = text[at + 2 + i];
    int digit = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
    if (digit < 0)
      return 0;
    value = value * 16 + static_cast<std::uint32_t>(digit);
  }
  appendUtf8(out, value);
  return 2 + digits;
}

bool isSequenceEscape(std::string_view text, std::size_t at) {
  return at + 2 < text.size() && (text[at] == '$' || text[at] == '%') && text[at + 1] == text[at] &&
         text[at + 2] == '{';
}

} // namespace

std::string decodeStringLiteral(std::string_view text) {
  std::string out;
  for (std::size_t at = 0; at < text.size();) {
    if (isSequenceEscape(text, at)) {
      out += text[at];
      out += '{';
      at += 3;
      continue;
    }
    if (text[at] != '\\' || at + 1 >= text.size()) {
      out += text[at++];
      continue;
    }
    char escape = text[at + 1];
    std::size_t used = 2;
    switch (escape) {
    case 'n':
      out += '\n';
      break;
    case 't':
      out += '\t';
      break;
    case 'r':
      out += '\r';
      break;
    case '"':
    case '\\':
      out += escape;
      break;
    case 'u':
    case 'U':
      used = decodeUnicodeEscape(text, at, out);
      if (used == 0) {
        out += text.substr(at, 2);
        used = 2;
      }
      break;
    default:
      out += text.substr(at, 2);
    }
    at += used;
  }
  return out;
}

std::string decodeTemplateEscapes(std::string_view text) {
  std::string out;
  for (std::size_t at = 0; at < text.size();) {
    if (isSequenceEscape(text, at)) {
      out += text[at];
      out += '{';
      at += 3;
    } else {
      out += text[at++];
    }
  }
  return out;
}

} // namespace pm::frontend::hcl
