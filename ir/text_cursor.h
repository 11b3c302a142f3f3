// A position in a short text with the steps hand-written matchers are made of (one character
// out of a set, a literal, a run): the number and name grammars that would otherwise each
// compile a std::regex.
#pragma once

#include <cstddef>
#include <string_view>

namespace pm::ir {

inline constexpr std::string_view kDecimalDigits = "0123456789";

class TextCursor {
public:
  explicit TextCursor(std::string_view text) : text_(text) {}

  bool atEnd() const { return at_ == text_.size(); }
  std::size_t position() const { return at_; }
  // Consumes one character out of `characters` (listed one by one: "a-b" is not a range).
  bool one(std::string_view characters) {
    if (at_ < text_.size() && characters.find(text_[at_]) != std::string_view::npos)
      return ++at_, true;
    return false;
  }
  bool literal(std::string_view word) {
    if (text_.substr(at_, word.size()) != word)
      return false;
    at_ += word.size();
    return true;
  }
  // Consumes characters out of `characters` for as long as they come; how many.
  std::size_t many(std::string_view characters) {
    std::size_t start = at_;
    while (one(characters)) {
    }
    return at_ - start;
  }

private:
  std::string_view text_;
  std::size_t at_ = 0;
};

} // namespace pm::ir
