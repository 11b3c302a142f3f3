// Jinja's lexer, reproduced: the same token boundaries, whitespace control and error messages.
#include "frontend/jinja/lexer.h"

#include "frontend/jinja/python_text.h"

#include <algorithm>
#include <cstring>

namespace pm::jinja {

std::string normalizeSource(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n')
        ++i;
    } else {
      out += text[i];
    }
  }
  if (!out.empty() && out.back() == '\n')
    out.pop_back();
  return out;
}

namespace {

bool isSpaceAt(const std::string& s, std::size_t i, std::size_t* length) {
  auto c = static_cast<unsigned char>(s[i]);
  *length = 1;
  if (c < 0x80)
    return isPythonSpace(c);
  std::size_t n = c >= 0xE0 ? 3 : 2;
  if (i + n > s.size())
    return false;
  std::u32string decoded = decodeUtf8(s.substr(i, n));
  *length = n;
  return decoded.size() == 1 && isPythonSpace(decoded[0]);
}

std::size_t skipSpaces(const std::string& s, std::size_t i) {
  std::size_t length = 1;
  while (i < s.size() && isSpaceAt(s, i, &length))
    i += length;
  return i;
}

// Python's str.rstrip() of template data before a `{%-` tag.
std::string rstripped(const std::string& s) {
  std::u32string text = decodeUtf8(s);
  while (!text.empty() && isPythonSpace(text.back()))
    text.pop_back();
  return encodeUtf8(text);
}

bool isNameStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool isNameChar(char c) {
  return isNameStart(c) || std::isdigit(static_cast<unsigned char>(c));
}

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

int hexValue(char c) {
  if (isDigit(c))
    return c - '0';
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// Reads `count` hex digits for \x, \u, \U; returns false when they are not all there.
bool readHex(const std::string& s, std::size_t at, int count, char32_t* out) {
  if (at + count > s.size())
    return false;
  char32_t value = 0;
  for (int k = 0; k < count; ++k) {
    int digit = hexValue(s[at + k]);
    if (digit < 0)
      return false;
    value = value * 16 + digit;
  }
  *out = value;
  return true;
}

class Lexer {
public:
  explicit Lexer(const std::string& source) : source_(source) {
    lineStarts_.push_back(0);
    for (std::size_t i = 0; i < source.size(); ++i)
      if (source[i] == '\n')
        lineStarts_.push_back(i + 1);
  }

  std::vector<Token> run() {
    try {
      while (pos_ < source_.size())
        lexData();
    } catch (const TemplateError& error) {
      tokens_.push_back({TokenType::Error, error.what(), error.position});
      return std::move(tokens_);
    }
    tokens_.push_back({TokenType::Eof, "", positionOf(source_.size())});
    return std::move(tokens_);
  }

private:
  Position positionOf(std::size_t offset) const {
    auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
    int line = static_cast<int>(it - lineStarts_.begin());
    return {line, static_cast<int>(offset - lineStarts_[line - 1]) + 1};
  }

  void emit(TokenType type, std::string value, std::size_t offset) {
    tokens_.push_back({type, std::move(value), positionOf(offset)});
  }

  // Template data up to the next `{{`, `{%` or `{#`, then that construct.
  void lexData() {
    std::size_t start = pos_;
    std::size_t tag = source_.size();
    for (std::size_t i = pos_; i + 1 < source_.size(); ++i)
      if (source_[i] == '{' && std::strchr("{%#", source_[i + 1])) {
        tag = i;
        break;
      }
    std::string text = source_.substr(start, tag - start);
    if (tag == source_.size()) {
      pos_ = tag;
      if (!text.empty())
        emit(TokenType::Data, text, start);
      return;
    }
    bool strip = tag + 2 < source_.size() && source_[tag + 2] == '-';
    if (strip)
      text = rstripped(text);
    if (!text.empty())
      emit(TokenType::Data, text, start);
    char kind = source_[tag + 1];
    if (kind == '#')
      return lexComment(tag);
    if (kind == '%' && lexRaw(tag))
      return;
    lexTag(tag, kind == '{' ? TokenType::VariableBegin : TokenType::BlockBegin);
  }

  std::size_t afterModifier(std::size_t tag) const {
    std::size_t i = tag + 2;
    if (i < source_.size() && (source_[i] == '-' || source_[i] == '+'))
      ++i;
    return i;
  }

  void lexComment(std::size_t tag) {
    std::size_t end = source_.find("#}", afterModifier(tag));
    // Jinja's failure rule needs one more character: `{#` at the very end is silently dropped.
    if (end == std::string::npos && afterModifier(tag) >= source_.size()) {
      pos_ = source_.size();
      return;
    }
    if (end == std::string::npos)
      syntaxError(positionOf(tag), "Missing end of comment tag");
    pos_ = end + 2;
    if (end > 0 && source_[end - 1] == '-' && end - 1 >= afterModifier(tag))
      pos_ = skipSpaces(source_, pos_);
  }

  // Matches `raw` or `endraw` words of a `{% raw %}` tag starting at `tag`; returns the offset
  // after the tag (with whitespace control applied) or npos.
  std::size_t matchRawTag(std::size_t tag, const char* word, bool* stripBefore) const {
    if (source_.compare(tag, 2, "{%") != 0)
      return std::string::npos;
    *stripBefore = tag + 2 < source_.size() && source_[tag + 2] == '-';
    std::size_t i = skipSpaces(source_, afterModifier(tag));
    std::size_t length = std::strlen(word);
    if (source_.compare(i, length, word) != 0)
      return std::string::npos;
    i = skipSpaces(source_, i + length);
    if (source_.compare(i, 3, "-%}") == 0)
      return skipSpaces(source_, i + 3);
    if (source_.compare(i, 3, "+%}") == 0)
      return i + 3;
    if (source_.compare(i, 2, "%}") == 0)
      return i + 2;
    return std::string::npos;
  }

  bool lexRaw(std::size_t tag) {
    bool ignored = false;
    std::size_t bodyStart = matchRawTag(tag, "raw", &ignored);
    if (bodyStart == std::string::npos)
      return false;
    for (std::size_t i = source_.find("{%", bodyStart); i != std::string::npos;
         i = source_.find("{%", i + 1)) {
      bool strip = false;
      std::size_t after = matchRawTag(i, "endraw", &strip);
      if (after == std::string::npos)
        continue;
      std::string body = source_.substr(bodyStart, i - bodyStart);
      if (strip)
        body = rstripped(body);
      if (!body.empty())
        emit(TokenType::Data, body, bodyStart);
      pos_ = after;
      return true;
    }
    // As for comments, an opening tag that ends the template is silently dropped.
    if (bodyStart >= source_.size()) {
      pos_ = source_.size();
      return true;
    }
    syntaxError(positionOf(tag), "Missing end of raw directive");
  }

  bool atTagEnd(TokenType begin, std::size_t* next) const {
    const std::string close = begin == TokenType::VariableBegin ? "}}" : "%}";
    if (source_.compare(pos_, 3, "-" + close) == 0) {
      *next = skipSpaces(source_, pos_ + 3);
      return true;
    }
    if (begin == TokenType::BlockBegin && source_.compare(pos_, 3, "+%}") == 0) {
      *next = pos_ + 3;
      return true;
    }
    if (source_.compare(pos_, 2, close) == 0) {
      *next = pos_ + 2;
      return true;
    }
    return false;
  }

  void lexTag(std::size_t tag, TokenType begin) {
    emit(begin, "", tag);
    pos_ = afterModifier(tag);
    balance_.clear();
    TokenType end =
        begin == TokenType::VariableBegin ? TokenType::VariableEnd : TokenType::BlockEnd;
    while (pos_ < source_.size()) {
      std::size_t next = 0;
      if (balance_.empty() && atTagEnd(begin, &next)) {
        emit(end, "", pos_);
        pos_ = next;
        return;
      }
      lexExpressionToken();
    }
  }

  void lexExpressionToken() {
    std::size_t spaceEnd = skipSpaces(source_, pos_);
    if (spaceEnd != pos_) {
      pos_ = spaceEnd;
      return;
    }
    char c = source_[pos_];
    if (isDigit(c))
      return lexNumber();
    if (isNameStart(c)) {
      std::size_t start = pos_;
      while (pos_ < source_.size() && isNameChar(source_[pos_]))
        ++pos_;
      return emit(TokenType::Name, source_.substr(start, pos_ - start), start);
    }
    if (c == '\'' || c == '"')
      return lexString();
    lexOperator();
  }

  // Digits with Python's single underscores between them.
  std::size_t scanDigits(std::size_t i, bool (*digit)(char)) const {
    std::size_t start = i;
    while (i < source_.size()) {
      if (digit(source_[i]))
        ++i;
      else if (source_[i] == '_' && i > start && i + 1 < source_.size() && digit(source_[i + 1]))
        ++i;
      else
        break;
    }
    return i;
  }

  void lexNumber() {
    std::size_t start = pos_;
    char prefix =
        pos_ + 1 < source_.size() ? static_cast<char>(std::tolower(source_[pos_ + 1])) : 0;
    if (source_[pos_] == '0' && (prefix == 'x' || prefix == 'o' || prefix == 'b')) {
      auto digit = prefix == 'x'   ? +[](char ch) { return hexValue(ch) >= 0; }
                   : prefix == 'o' ? +[](char ch) { return ch >= '0' && ch <= '7'; }
                                   : +[](char ch) { return ch == '0' || ch == '1'; };
      std::size_t i = pos_ + 2;
      if (i < source_.size() && source_[i] == '_')
        ++i;
      std::size_t end = scanDigits(i, digit);
      if (end > i) {
        pos_ = end;
        return emit(TokenType::Integer, source_.substr(start, end - start), start);
      }
    }
    std::size_t end = scanDigits(pos_, isDigit);
    bool isFloat = false;
    if (end + 1 < source_.size() && source_[end] == '.' && isDigit(source_[end + 1]) &&
        !(start > 0 && source_[start - 1] == '.')) {
      end = scanDigits(end + 1, isDigit);
      isFloat = true;
    }
    std::size_t expEnd = scanExponent(end);
    if (expEnd != end && !(start > 0 && source_[start - 1] == '.')) {
      end = expEnd;
      isFloat = true;
    }
    pos_ = end;
    emit(isFloat ? TokenType::Float : TokenType::Integer, source_.substr(start, end - start),
         start);
  }

  std::size_t scanExponent(std::size_t i) const {
    if (i >= source_.size() || std::tolower(source_[i]) != 'e')
      return i;
    std::size_t j = i + 1;
    if (j < source_.size() && (source_[j] == '+' || source_[j] == '-'))
      ++j;
    std::size_t end = scanDigits(j, isDigit);
    return end > j ? end : i;
  }

  void lexString() {
    std::size_t start = pos_;
    char quote = source_[pos_];
    std::size_t i = pos_ + 1;
    while (i < source_.size() && source_[i] != quote)
      i += source_[i] == '\\' ? 2 : 1;
    if (i >= source_.size())
      syntaxError(positionOf(start), "unexpected char " + pythonStringRepr(std::string(1, quote)) +
                                         " at " + std::to_string(start));
    pos_ = i + 1;
    emit(TokenType::String, unescape(source_.substr(start + 1, i - start - 1), positionOf(start)),
         start);
  }

  // Python's "unicode-escape" decoding of a string literal's body; unknown escapes stay as is.
  static std::string unescape(const std::string& s, Position position) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] != '\\' || i + 1 >= s.size()) {
        out += s[i];
        continue;
      }
      char e = s[++i];
      char32_t code = 0;
      switch (e) {
      case '\n':
        break;
      case '\\':
        out += '\\';
        break;
      case '\'':
        out += '\'';
        break;
      case '"':
        out += '"';
        break;
      case 'a':
        out += '\a';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'v':
        out += '\v';
        break;
      case 'N':
        // Python resolves \N{NAME} from the Unicode name database, which we do not carry.
        syntaxError(position, "\\N{...} escapes are not supported by proton-migrate; write the "
                              "character itself or a \\u escape");
      case 'x':
      case 'u':
      case 'U': {
        int count = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        if (!readHex(s, i + 1, count, &code))
          syntaxError(position, "truncated \\" + std::string(1, e) + " escape in a string literal");
        out += encodeUtf8(code);
        i += count;
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          std::size_t k = i;
          while (k < s.size() && k < i + 3 && s[k] >= '0' && s[k] <= '7')
            code = code * 8 + (s[k++] - '0');
          out += encodeUtf8(code);
          i = k - 1;
        } else {
          out += '\\';
          out += e;
        }
      }
    }
    return out;
  }

  void lexOperator() {
    static const char* const kOperators[] = {"//", "**", "==", "!=", ">=", "<=", "+", "-", "/",
                                             "*",  "%",  "~",  "[",  "]",  "(",  ")", "{", "}",
                                             ">",  "<",  "=",  ".",  ":",  "|",  ",", ";"};
    for (const char* op : kOperators) {
      std::size_t length = std::strlen(op);
      if (source_.compare(pos_, length, op) != 0)
        continue;
      checkBalance(op[0]);
      emit(TokenType::Operator, op, pos_);
      pos_ += length;
      return;
    }
    syntaxError(positionOf(pos_),
                "unexpected char " +
                    pythonStringRepr(encodeUtf8(decodeUtf8(source_.substr(pos_, 4))[0])) + " at " +
                    std::to_string(pos_));
  }

  // Jinja tracks open brackets so that `}}` inside `{{ {'a': {'b': 1}} }}` closes the dicts.
  void checkBalance(char op) {
    if (op == '(' || op == '[' || op == '{') {
      balance_.push_back(op == '(' ? ')' : op == '[' ? ']' : '}');
      return;
    }
    if (op != ')' && op != ']' && op != '}')
      return;
    if (balance_.empty())
      syntaxError(positionOf(pos_), "unexpected '" + std::string(1, op) + "'");
    if (balance_.back() != op)
      syntaxError(positionOf(pos_), "unexpected '" + std::string(1, op) + "', expected '" +
                                        std::string(1, balance_.back()) + "'");
    balance_.pop_back();
  }

  const std::string& source_;
  std::vector<std::size_t> lineStarts_;
  std::vector<Token> tokens_;
  std::vector<char> balance_;
  std::size_t pos_ = 0;
};

} // namespace

std::vector<Token> tokenize(const std::string& source) {
  return Lexer(source).run();
}

std::string describeToken(const Token& token) {
  switch (token.type) {
  case TokenType::Name:
  case TokenType::Operator:
    return token.value;
  case TokenType::Data:
    return "template data / text";
  case TokenType::VariableBegin:
    return "begin of print statement";
  case TokenType::VariableEnd:
    return "end of print statement";
  case TokenType::BlockBegin:
    return "begin of statement block";
  case TokenType::BlockEnd:
    return "end of statement block";
  case TokenType::String:
    return "string";
  case TokenType::Integer:
    return "integer";
  case TokenType::Float:
    return "float";
  case TokenType::Eof:
    return "end of template";
  case TokenType::Error:
    return "error";
  }
  return "token";
}

} // namespace pm::jinja
