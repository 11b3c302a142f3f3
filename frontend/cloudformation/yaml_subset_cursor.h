// The cursor of the YAML subset reader (yaml_subset_reader.h): a position in the text with its
// line and column, the moves between lines, and the scalars (plain, single- and double-quoted)
// read at it. Reading functions return false to decline the text.
#pragma once

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

namespace pm::frontend {

// A position as yaml-cpp's marks give it: 0-based line and column, byte offset.
struct SubsetMark {
  int line = 0;
  int column = 0;
  std::size_t offset = 0;
};

struct SubsetScalar {
  std::string text;
  SubsetMark mark;
  bool plain = true;
};

class SubsetCursor {
public:
  static bool isBlankOrEnd(char c) { return c == ' ' || c == '\n' || c == '\0'; }
  static bool isFlowIndicator(char c) {
    return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
  }
  static bool isAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  // Characters that cannot start a plain scalar (YAML's indicators).
  static bool isIndicator(char c) {
    return c != '\0' && std::strchr(",[]{}#&*!|>'\"%@`", c) != nullptr;
  }

protected:
  explicit SubsetCursor(std::string_view text) : text_(text) {}

  char at(std::size_t p) const { return p < text_.size() ? text_[p] : '\0'; }
  char peek() const { return at(pos_); }
  int column() const { return static_cast<int>(pos_ - lineStart_); }
  SubsetMark mark() const { return {line_, column(), pos_}; }
  bool atDash() const { return peek() == '-' && isBlankOrEnd(at(pos_ + 1)); }
  bool atComment() const { return peek() == '#' && (pos_ == lineStart_ || at(pos_ - 1) == ' '); }

  struct CursorState {
    std::size_t pos, lineStart;
    int line;
  };
  CursorState save() const { return {pos_, lineStart_, line_}; }
  void restore(const CursorState& state) {
    pos_ = state.pos;
    lineStart_ = state.lineStart;
    line_ = state.line;
  }

  void startLine(std::size_t p) {
    pos_ = lineStart_ = p;
    ++line_;
  }
  void skipSpaces() {
    while (peek() == ' ')
      ++pos_;
  }
  void skipToLineEnd() {
    const void* end = std::memchr(text_.data() + pos_, '\n', text_.size() - pos_);
    pos_ = end ? static_cast<const char*>(end) - text_.data() : text_.size();
  }
  bool atLineEnd() const { return peek() == '\n' || peek() == '\0' || atComment(); }

  // The rest of the line holds at most a comment.
  bool finishLine() {
    skipSpaces();
    if (atComment())
      skipToLineEnd();
    return peek() == '\n' || peek() == '\0';
  }

  // From the end or the start of a line, to the first character of the next line with content
  // (not blank, not only a comment); indent_ is its column, or -1 at the end of the text.
  void seekContent() {
    for (;;) {
      if (peek() == '\n')
        startLine(pos_ + 1);
      skipSpaces();
      if (peek() == '\0') {
        indent_ = -1;
        return;
      }
      if (peek() == '#')
        skipToLineEnd();
      else if (peek() != '\n')
        break;
    }
    indent_ = column();
  }

  // A scalar in a flow collection, or in block context (`parent`: the column of the innermost
  // block collection, -1 at the root).
  bool readScalar(bool flow, int parent, SubsetScalar& out);

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t lineStart_ = 0;
  int line_ = 0;
  int indent_ = -1; // the column of the line seekContent found

private:
  bool canStartPlain(bool flow) const;
  // The plain text from the cursor to `end`, trailing spaces trimmed; the cursor moves past it.
  void appendPlainLine(std::size_t end, std::string& text);
  // The lines a block plain scalar continues on: those indented more than `parent`, folded in
  // (a line break becomes a space, each empty line a break). A continuation line that holds
  // ": ", starts with an indicator or is a comment is left to yaml-cpp.
  bool readPlainContinuation(int parent, std::string& text);
  // A plain scalar ends at ": ", " #" or the line's end.
  std::size_t plainEndInBlock(std::size_t p) const;
  // In a flow collection also at a flow indicator, '?' or ':' before one.
  std::size_t plainEndInFlow(std::size_t p) const;
  bool readSingleQuoted(SubsetScalar& out);
  bool readDoubleQuoted(SubsetScalar& out);
  // The escape after a backslash at `p`; advances `p` past it.
  bool readEscape(std::size_t& p, std::string& text) const;
  static void appendUtf8(unsigned long code, std::string& text);
};

} // namespace pm::frontend
