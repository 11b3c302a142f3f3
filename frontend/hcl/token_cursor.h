// The parser's view of the token list: peeking and taking tokens, with newlines skipped inside
// brackets and parentheses where HCL ignores them and kept in bodies and objects where they end
// an item. Internal to the HCL reader.
#pragma once

#include "frontend/hcl/syntax_tree.h"

#include <string>
#include <string_view>
#include <vector>

namespace pm::frontend::hcl {

class TokenCursor {
public:
  explicit TokenCursor(const SyntaxTree& tree) : tree_(tree) {}

  // Index of the n-th token ahead, skipping newlines where they do not count.
  std::size_t peekIndex(std::size_t ahead = 0) const;
  const Token& peek(std::size_t ahead = 0) const { return tree_.tokens()[peekIndex(ahead)]; }
  bool peekIs(std::string_view spelling, std::size_t ahead = 0) const {
    return peek(ahead).is(tree_.text(), spelling);
  }
  bool peekKind(TokenKind kind, std::size_t ahead = 0) const { return peek(ahead).kind == kind; }

  // Takes the next token (after skipped newlines); returns its index.
  std::size_t take();
  std::size_t expect(std::string_view spelling, std::string_view what);
  std::size_t expectKind(TokenKind kind, std::string_view what);

  // Where the next node starts (its first token), and where the last taken token ends.
  std::size_t nodeStart() const { return peekIndex(); }
  std::size_t lastTakenEnd() const { return lastTakenEnd_; }
  std::size_t position() const { return position_; }

  void pushNewlines(bool significant) { newlinesSignificant_.push_back(significant); }
  void popNewlines() { newlinesSignificant_.pop_back(); }

  [[noreturn]] void failAt(const Token& token, const std::string& message) const;
  [[noreturn]] void failExpected(std::string_view what) const;
  std::string describe(const Token& token) const;

private:
  bool skipsNewlines() const {
    return !newlinesSignificant_.empty() && !newlinesSignificant_.back();
  }

  const SyntaxTree& tree_;
  std::size_t position_ = 0;
  std::size_t lastTakenEnd_ = 0;
  std::vector<bool> newlinesSignificant_;
};

} // namespace pm::frontend::hcl
