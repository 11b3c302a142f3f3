// Code-point handling and Python's repr() quoting of strings.
#include "frontend/jinja/python_text.h"

#include <cstdio>

namespace pm::jinja {

namespace {

// Length of the UTF-8 sequence starting with `lead`, 1 for a stray byte (kept as is).
int sequenceLength(unsigned char lead) {
  if (lead >= 0xF0 && lead < 0xF8)
    return 4;
  if (lead >= 0xE0)
    return lead < 0xF0 ? 3 : 1;
  if (lead >= 0xC0)
    return 2;
  return 1;
}

// Python's str.isprintable(), close enough for the code points seen in templates.
bool isPrintable(char32_t c) {
  if (c < 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0xAD)
    return false;
  if ((c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
      (c >= 0x205F && c <= 0x206F) || c == 0x3000 || c == 0xFEFF || c == 0x1680)
    return false;
  if (c >= 0xD800 && c <= 0xDFFF)
    return false;
  return true;
}

std::string hexEscape(char32_t c) {
  char buffer[16];
  if (c <= 0xFF)
    std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned>(c));
  else if (c <= 0xFFFF)
    std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
  else
    std::snprintf(buffer, sizeof buffer, "\\U%08x", static_cast<unsigned>(c));
  return buffer;
}

} // namespace

std::u32string decodeUtf8(const std::string& text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    auto lead = static_cast<unsigned char>(text[i]);
    int length = sequenceLength(lead);
    if (i + length > text.size())
      length = 1;
    char32_t c = length == 1 ? lead : lead & (0x7F >> length);
    for (int k = 1; k < length; ++k)
      c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    out.push_back(c);
    i += length;
  }
  return out;
}

std::string encodeUtf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

std::string encodeUtf8(const std::u32string& text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text)
    out += encodeUtf8(c);
  return out;
}

std::size_t codePointCount(const std::string& text) {
  std::size_t count = 0;
  for (unsigned char c : text)
    count += (c & 0xC0) != 0x80;
  return count;
}

std::string pythonStringRepr(const std::string& text) {
  bool hasSingle = text.find('\'') != std::string::npos;
  bool hasDouble = text.find('"') != std::string::npos;
  char quote = hasSingle && !hasDouble ? '"' : '\'';
  std::string out(1, quote);
  for (char32_t c : decodeUtf8(text)) {
    if (c == static_cast<char32_t>(quote) || c == '\\')
      out += {'\\', static_cast<char>(c)};
    else if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if (c == '\t')
      out += "\\t";
    else if (!isPrintable(c))
      out += hexEscape(c);
    else
      out += encodeUtf8(c);
  }
  out += quote;
  return out;
}

bool isPythonSpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

bool isLineBoundary(char32_t c) {
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D || c == 0x1E ||
         c == 0x85 || c == 0x2028 || c == 0x2029;
}

std::vector<std::u32string> splitLines(const std::u32string& text) {
  std::vector<std::u32string> lines;
  std::u32string current;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!isLineBoundary(text[i])) {
      current += text[i];
      continue;
    }
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
      ++i;
    lines.push_back(std::move(current));
    current.clear();
  }
  if (!current.empty())
    lines.push_back(std::move(current));
  return lines;
}

std::string asciiLower(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return text;
}

std::string asciiUpper(std::string text) {
  for (char& c : text)
    if (c >= 'a' && c <= 'z')
      c = static_cast<char>(c - 'a' + 'A');
  return text;
}

char32_t lowerOf(char32_t c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
    return c + 32;
  if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 &&
      c != 0x17F) {
    // Latin Extended-A pairs: even/odd, except the 0x139-0x148 and 0x179-0x17E runs (odd/even).
    bool oddUpper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (c == 0x178)
      return 0xFF;
    return oddUpper ? (c % 2 == 1 ? c + 1 : c) : (c % 2 == 0 ? c + 1 : c);
  }
  if ((c >= 0x391 && c <= 0x3A9 && c != 0x3A2) || (c >= 0x410 && c <= 0x42F))
    return c + 32;
  if (c >= 0x400 && c <= 0x40F)
    return c + 80;
  return c;
}

char32_t upperOf(char32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 0xE0 && c <= 0xFE && c != 0xF7))
    return c - 32;
  if (c == 0xFF)
    return 0x178;
  if (c == 0xB5)
    return 0x39C;
  if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 &&
      c != 0x178) {
    if (c == 0x17F)
      return 'S';
    bool oddUpper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    return oddUpper ? (c % 2 == 0 ? c - 1 : c) : (c % 2 == 1 ? c - 1 : c);
  }
  if (c == 0x3C2)
    return 0x3A3;
  if ((c >= 0x3B1 && c <= 0x3C9) || (c >= 0x430 && c <= 0x44F))
    return c - 32;
  if (c >= 0x450 && c <= 0x45F)
    return c - 80;
  return c;
}

bool isCased(char32_t c) {
  return lowerOf(c) != c || upperOf(c) != c || c == 0xDF;
}

std::string pythonLower(const std::string& text) {
  std::u32string s = decodeUtf8(text);
  for (char32_t& c : s)
    c = lowerOf(c);
  return encodeUtf8(s);
}

std::string pythonUpper(const std::string& text) {
  std::u32string out;
  for (char32_t c : decodeUtf8(text)) {
    if (c == 0xDF)
      out += U"SS";
    else
      out += upperOf(c);
  }
  return encodeUtf8(out);
}

std::string pythonCapitalize(const std::string& text) {
  std::u32string s = decodeUtf8(text);
  if (s.empty())
    return text;
  std::string first = pythonUpper(encodeUtf8(s[0]));
  return first + pythonLower(encodeUtf8(s.substr(1)));
}

std::string pythonTitle(const std::string& text) {
  std::string out;
  bool previousCased = false;
  for (char32_t c : decodeUtf8(text)) {
    bool cased = isCased(c);
    out += cased ? (previousCased ? encodeUtf8(lowerOf(c)) : pythonUpper(encodeUtf8(c)))
                 : encodeUtf8(c);
    previousCased = cased;
  }
  return out;
}

// markupsafe.escape: & < > ' " become entities.
std::string markupEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '\'':
      out += "&#39;";
      break;
    case '"':
      out += "&#34;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

} // namespace pm::jinja
