// Reading scalars at the subset reader's cursor.
#include "frontend/cloudformation/yaml_subset_cursor.h"

namespace pm::frontend {

// A scalar in a flow collection, or in block context (`parent` as in blockNode).
bool SubsetCursor::readScalar(bool flow, int parent, SubsetScalar& out) {
  out.mark = mark();
  out.text.clear();
  char c = peek();
  if (c == '\'')
    return readSingleQuoted(out);
  if (c == '"')
    return readDoubleQuoted(out);
  if (!canStartPlain(flow))
    return false;
  out.plain = true;
  std::size_t end = flow ? plainEndInFlow(pos_) : plainEndInBlock(pos_);
  appendPlainLine(end, out.text);
  return flow || readPlainContinuation(parent, out.text);
}

bool SubsetCursor::canStartPlain(bool flow) const {
  char c = peek();
  char next = at(pos_ + 1);
  if (isBlankOrEnd(c) || isIndicator(c) || (flow && c == '?'))
    return false;
  return !((c == '-' || c == '?' || c == ':') && (isBlankOrEnd(next) || isFlowIndicator(next)));
}

// The plain text from the cursor to `end`, trailing spaces trimmed; the cursor moves past it.
void SubsetCursor::appendPlainLine(std::size_t end, std::string& text) {
  std::size_t trimmed = end;
  while (trimmed > pos_ && text_[trimmed - 1] == ' ')
    --trimmed;
  text.append(text_.substr(pos_, trimmed - pos_));
  pos_ = trimmed;
}

// The lines a block plain scalar continues on: those indented more than `parent`, folded in
// (a line break becomes a space, each empty line a break). A continuation line that holds
// ": ", starts with an indicator or is a comment is left to yaml-cpp.
bool SubsetCursor::readPlainContinuation(int parent, std::string& text) {
  for (;;) {
    skipSpaces();
    if (peek() != '\n')
      return true;
    CursorState before = save();
    std::size_t emptyLines = 0;
    for (startLine(pos_ + 1), skipSpaces(); peek() == '\n'; startLine(pos_ + 1), skipSpaces())
      ++emptyLines;
    if (peek() == '\0' || column() <= parent) {
      restore(before);
      return true;
    }
    std::size_t end = plainEndInBlock(pos_);
    if (!canStartPlain(false) || at(end) == ':')
      return false;
    if (emptyLines == 0)
      text += ' ';
    else
      text.append(emptyLines, '\n');
    appendPlainLine(end, text);
  }
}

// A plain scalar ends at ": ", " #" or the line's end.
std::size_t SubsetCursor::plainEndInBlock(std::size_t p) const {
  for (;; ++p) {
    char c = at(p);
    if (c == '\n' || c == '\0' || (c == ':' && isBlankOrEnd(at(p + 1))) ||
        (c == ' ' && at(p + 1) == '#'))
      return p;
  }
}

// In a flow collection also at a flow indicator, '?' or ':' before one.
std::size_t SubsetCursor::plainEndInFlow(std::size_t p) const {
  for (;; ++p) {
    char c = at(p);
    if (c == '\n' || c == '\0' || isFlowIndicator(c) || c == '?' ||
        (c == ':' && (isBlankOrEnd(at(p + 1)) || isFlowIndicator(at(p + 1)))) ||
        (c == ' ' && at(p + 1) == '#'))
      return p;
  }
}

bool SubsetCursor::readSingleQuoted(SubsetScalar& out) {
  out.plain = false;
  for (std::size_t p = pos_ + 1;;) {
    std::size_t quote = text_.find('\'', p);
    if (quote == std::string_view::npos ||
        text_.substr(p, quote - p).find('\n') != std::string_view::npos)
      return false; // unterminated or multi-line
    out.text.append(text_.substr(p, quote - p));
    if (at(quote + 1) != '\'') {
      pos_ = quote + 1;
      return true;
    }
    out.text += '\'';
    p = quote + 2;
  }
}

bool SubsetCursor::readDoubleQuoted(SubsetScalar& out) {
  out.plain = false;
  for (std::size_t p = pos_ + 1;;) {
    std::size_t stop = text_.find_first_of("\"\\\n", p);
    if (stop == std::string_view::npos || text_[stop] == '\n')
      return false;
    out.text.append(text_.substr(p, stop - p));
    if (text_[stop] == '"') {
      pos_ = stop + 1;
      return true;
    }
    p = stop + 1;
    if (!readEscape(p, out.text))
      return false;
  }
}

// The escape after a backslash at `p`; advances `p` past it.
bool SubsetCursor::readEscape(std::size_t& p, std::string& text) const {
  static constexpr std::string_view kCodes = "0abtnvfre \"'\\/";
  static constexpr std::string_view kValues = std::string_view("\0\a\b\t\n\v\f\r\x1b \"'\\/", 14);
  char c = at(p++);
  if (std::size_t found = kCodes.find(c); found != std::string_view::npos && c != '\0') {
    text += kValues[found];
    return true;
  }
  int digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
  if (digits == 0)
    return false; // \N, \_, \L, \P give bytes yaml-cpp does not encode as UTF-8
  unsigned long code = 0;
  for (int i = 0; i < digits; ++i, ++p) {
    char h = at(p);
    int value = h >= '0' && h <= '9'   ? h - '0'
                : h >= 'a' && h <= 'f' ? h - 'a' + 10
                : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                       : -1;
    if (value < 0)
      return false;
    code = code * 16 + static_cast<unsigned long>(value);
  }
  if ((code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF)
    return false;
  appendUtf8(code, text);
  return true;
}

void SubsetCursor::appendUtf8(unsigned long code, std::string& text) {
  auto byte = [&](unsigned long value) { text += static_cast<char>(value); };
  if (code < 0x80) {
    byte(code);
  } else if (code < 0x800) {
    byte(0xC0 | (code >> 6));
    byte(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    byte(0xE0 | (code >> 12));
    byte(0x80 | ((code >> 6) & 0x3F));
    byte(0x80 | (code & 0x3F));
  } else {
    byte(0xF0 | (code >> 18));
    byte(0x80 | ((code >> 12) & 0x3F));
    byte(0x80 | ((code >> 6) & 0x3F));
    byte(0x80 | (code & 0x3F));
  }
}

} // namespace pm::frontend
