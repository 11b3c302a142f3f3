#include "frontend/hcl/lexer.h"

#include "frontend/hcl/rules.h"
#include "frontend/hcl/syntax_error.h"

#include <array>
#include <string>

namespace pm::frontend::hcl {

namespace {

// Longest first, so "..." wins over "." and "==" over "=".
constexpr std::array<std::string_view, 9> kMultiCharPunctuation = {
    "...", "==", "!=", "<=", ">=", "&&", "||", "=>", "::"};
constexpr std::string_view kSingleCharPunctuation = "+-*/%<>!?:=.,()[]{}";

bool isIdentifierStart(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
bool isIdentifierChar(unsigned char c) {
  return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '-';
}
bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

// What the lexer is inside of; the bottom of the stack (empty) is a body.
enum class Context { Brace, Interpolation, QuotedTemplate, Heredoc };

struct HeredocFrame {
  std::string marker;
};

class Lexer {
public:
  explicit Lexer(std::string_view text) : text_(text) {}

  std::vector<Token> run() {
    while (true) {
      Token token = next();
      tokens_.push_back(token);
      if (token.kind == TokenKind::EndOfFile)
        return std::move(tokens_);
    }
  }

private:
  Token next() {
    if (!stack_.empty() && stack_.back() == Context::QuotedTemplate)
      return quotedTemplatePiece();
    if (!stack_.empty() && stack_.back() == Context::Heredoc)
      return heredocPiece();
    return expressionToken();
  }

  // --- positions ---------------------------------------------------------------------------

  char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  bool atEnd() const { return pos_ >= text_.size(); }
  bool startsWith(std::string_view prefix) const { return text_.substr(pos_).starts_with(prefix); }

  void advance(std::size_t count) {
    for (std::size_t i = 0; i < count && pos_ < text_.size(); ++i, ++pos_)
      if (text_[pos_] == '\n') {
        ++line_;
        lineStart_ = pos_ + 1;
      }
  }

  [[noreturn]] void fail(const std::string& message) const {
    throw HclSyntaxError(line_, static_cast<int>(pos_ - lineStart_) + 1, message);
  }

  Token startToken(TokenKind kind, std::size_t triviaBegin) const {
    Token token;
    token.kind = kind;
    token.trivia = {triviaBegin, pos_};
    token.text = {pos_, pos_};
    token.line = line_;
    token.column = static_cast<int>(pos_ - lineStart_) + 1;
    return token;
  }
  Token finish(Token token, std::size_t length) {
    advance(length);
    token.text.end = pos_;
    return token;
  }

  void push(Context context) {
    if (stack_.size() >= static_cast<std::size_t>(kMaxNestingDepth))
      fail("nesting deeper than " + std::to_string(kMaxNestingDepth) + " levels");
    stack_.push_back(context);
  }

  // --- expressions and bodies --------------------------------------------------------------

  void skipTrivia() {
    while (!atEnd()) {
      char c = peek();
      if (c == ' ' || c == '\t' || (c == '\r' && peek(1) != '\n')) {
        advance(1);
      } else if (c == '#' || (c == '/' && peek(1) == '/')) {
        while (!atEnd() && peek() != '\n' && !(peek() == '\r' && peek(1) == '\n'))
          advance(1);
      } else if (c == '/' && peek(1) == '*') {
        std::size_t close = text_.find("*/", pos_ + 2);
        if (close == std::string_view::npos)
          fail("comment opened with '/*' is never closed");
        advance(close + 2 - pos_);
      } else {
        return;
      }
    }
  }

  Token expressionToken() {
    std::size_t triviaBegin = pos_;
    skipTrivia();
    if (atEnd()) {
      if (!stack_.empty())
        fail("unexpected end of file: a bracket, string or interpolation is still open");
      return startToken(TokenKind::EndOfFile, triviaBegin);
    }
    char c = peek();
    if (c == '\n' || (c == '\r' && peek(1) == '\n'))
      return finish(startToken(TokenKind::Newline, triviaBegin), c == '\n' ? 1 : 2);
    if (c == '"') {
      Token token = finish(startToken(TokenKind::OpenQuote, triviaBegin), 1);
      push(Context::QuotedTemplate);
      openQuotes_.push_back(token);
      return token;
    }
    if (startsWith("<<") && heredocIntroducerLength() > 0)
      return openHeredoc(triviaBegin);
    if (c == '}' || (c == '~' && peek(1) == '}'))
      return closingBrace(triviaBegin);
    if (c == '{') {
      push(Context::Brace);
      return finish(startToken(TokenKind::Punctuation, triviaBegin), 1);
    }
    if (isDigit(c))
      return finish(startToken(TokenKind::Number, triviaBegin), numberLength());
    if (isIdentifierStart(static_cast<unsigned char>(c))) {
      std::size_t length = 1;
      while (pos_ + length < text_.size() &&
             isIdentifierChar(static_cast<unsigned char>(text_[pos_ + length])))
        ++length;
      return finish(startToken(TokenKind::Identifier, triviaBegin), length);
    }
    for (std::string_view spelling : kMultiCharPunctuation)
      if (startsWith(spelling))
        return finish(startToken(TokenKind::Punctuation, triviaBegin), spelling.size());
    if (kSingleCharPunctuation.find(c) != std::string_view::npos)
      return finish(startToken(TokenKind::Punctuation, triviaBegin), 1);
    if (c == '\0')
      fail("NUL byte in HCL text");
    fail(std::string("unexpected character '") + c + "'");
  }

  Token closingBrace(std::size_t triviaBegin) {
    bool strip = peek() == '~';
    if (!stack_.empty() && stack_.back() == Context::Interpolation) {
      stack_.pop_back();
      return finish(startToken(TokenKind::TemplateSequenceEnd, triviaBegin), strip ? 2 : 1);
    }
    if (strip)
      fail("unexpected character '~'");
    if (!stack_.empty() && stack_.back() == Context::Brace)
      stack_.pop_back();
    // An unmatched `}` stays a token; the parser reports it where it makes sense.
    return finish(startToken(TokenKind::Punctuation, triviaBegin), 1);
  }

  std::size_t numberLength() const {
    std::size_t length = 0;
    auto digitsAt = [&](std::size_t at) {
      return pos_ + at < text_.size() && isDigit(text_[pos_ + at]);
    };
    while (digitsAt(length))
      ++length;
    if (pos_ + length < text_.size() && text_[pos_ + length] == '.' && digitsAt(length + 1)) {
      ++length;
      while (digitsAt(length))
        ++length;
    }
    if (pos_ + length < text_.size() &&
        (text_[pos_ + length] == 'e' || text_[pos_ + length] == 'E')) {
      std::size_t exponent = length + 1;
      if (pos_ + exponent < text_.size() &&
          (text_[pos_ + exponent] == '+' || text_[pos_ + exponent] == '-'))
        ++exponent;
      if (digitsAt(exponent)) {
        length = exponent;
        while (digitsAt(length))
          ++length;
      }
    }
    return length;
  }

  // --- heredocs ----------------------------------------------------------------------------

  // Length of `<<EOF\n` / `<<-EOF\r\n` at the current position, 0 when it is not one.
  std::size_t heredocIntroducerLength() const {
    std::size_t at = 2;
    if (peek(at) == '-')
      ++at;
    if (!isIdentifierStart(static_cast<unsigned char>(peek(at))))
      return 0;
    while (isIdentifierChar(static_cast<unsigned char>(peek(at))))
      ++at;
    if (peek(at) == '\n')
      return at + 1;
    if (peek(at) == '\r' && peek(at + 1) == '\n')
      return at + 2;
    return 0;
  }

  Token openHeredoc(std::size_t triviaBegin) {
    std::size_t length = heredocIntroducerLength();
    std::size_t markerBegin = pos_ + (peek(2) == '-' ? 3 : 2);
    std::size_t markerEnd = markerBegin;
    while (isIdentifierChar(static_cast<unsigned char>(text_[markerEnd])))
      ++markerEnd;
    Token token = finish(startToken(TokenKind::OpenHeredoc, triviaBegin), length);
    push(Context::Heredoc);
    heredocs_.push_back({std::string(text_.substr(markerBegin, markerEnd - markerBegin))});
    return token;
  }

  // Length of the closing marker line (leading blanks + marker) at pos_, 0 when it is not one.
  std::size_t closingMarkerLength() const {
    std::size_t at = 0;
    while (peek(at) == ' ' || peek(at) == '\t')
      ++at;
    const std::string& marker = heredocs_.back().marker;
    if (text_.substr(pos_ + at, marker.size()) != marker)
      return 0;
    at += marker.size();
    char after = peek(at);
    bool lineEnds =
        pos_ + at >= text_.size() || after == '\n' || (after == '\r' && peek(at + 1) == '\n');
    return lineEnds ? at : 0;
  }

  Token heredocPiece() {
    bool atLineStart = pos_ == lineStart_;
    if (atLineStart) {
      if (std::size_t length = closingMarkerLength()) {
        stack_.pop_back();
        heredocs_.pop_back();
        return finish(startToken(TokenKind::CloseHeredoc, pos_), length);
      }
    }
    if (atEnd())
      fail("heredoc '" + heredocs_.back().marker + "' is never closed");
    if (Token sequence; templateSequenceStart(sequence))
      return sequence;
    Token literal = startToken(TokenKind::TemplateLiteral, pos_);
    while (!atEnd() && !atTemplateSequence()) {
      bool newline = peek() == '\n';
      advance(escapedSequenceLength());
      if (newline)
        break; // the next line may be the closing marker
    }
    literal.text.end = pos_;
    return literal;
  }

  // --- quoted templates --------------------------------------------------------------------

  // `$${` and `%%{` are literal text, not sequence openers: consume them whole.
  std::size_t escapedSequenceLength() const {
    bool escaped = (peek() == '$' || peek() == '%') && peek(1) == peek() && peek(2) == '{';
    return escaped ? 3 : 1;
  }

  bool atTemplateSequence() const { return (peek() == '$' || peek() == '%') && peek(1) == '{'; }

  // `${`/`%{` (with an optional `~`) opens an interpolation or directive; `$${`/`%%{` are
  // literal escapes and stay in the literal.
  bool templateSequenceStart(Token& token) {
    if (!atTemplateSequence())
      return false;
    TokenKind kind =
        peek() == '$' ? TokenKind::TemplateInterpolation : TokenKind::TemplateDirective;
    token = finish(startToken(kind, pos_), peek(2) == '~' ? 3 : 2);
    push(Context::Interpolation);
    return true;
  }

  Token quotedTemplatePiece() {
    if (peek() == '"') {
      stack_.pop_back();
      openQuotes_.pop_back();
      return finish(startToken(TokenKind::CloseQuote, pos_), 1);
    }
    if (Token sequence; templateSequenceStart(sequence))
      return sequence;
    Token literal = startToken(TokenKind::TemplateLiteral, pos_);
    while (true) {
      if (atEnd() || peek() == '\n' || (peek() == '\r' && peek(1) == '\n'))
        throw HclSyntaxError(openQuotes_.back().line, openQuotes_.back().column,
                             "this string is not closed before the end of its line");
      if (peek() == '"' || atTemplateSequence())
        break;
      if (peek() == '\\' && pos_ + 1 < text_.size() && text_[pos_ + 1] != '\n')
        advance(2);
      else
        advance(escapedSequenceLength());
    }
    literal.text.end = pos_;
    return literal;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int line_ = 1;
  std::size_t lineStart_ = 0;
  std::vector<Context> stack_;
  std::vector<HeredocFrame> heredocs_;
  std::vector<Token> openQuotes_; // where each open quoted string started, for errors
  std::vector<Token> tokens_;
};

} // namespace

std::vector<Token> tokenize(std::string_view text) {
  return Lexer(text).run();
}

} // namespace pm::frontend::hcl
