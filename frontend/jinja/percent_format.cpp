// printf-style formatting with Python's conversions (s, r, d, i, f, e, g, x, o, c) and flags.
#include "frontend/jinja/percent_format.h"

#include "frontend/jinja/python_ops.h"
#include "frontend/jinja/python_text.h"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace pm::jinja {

namespace {

struct Spec {
  std::string flags;
  int width = -1;
  int precision = -1;
  char conversion = 's';
};

class Formatter {
public:
  Formatter(const std::string& format, const Value& args, Position position, bool escape)
      : format_(format), args_(args), position_(position), escape_(escape) {
    if (args.isTuple())
      values_ = args.asList();
    else if (!args.isDict())
      values_ = {args};
  }

  std::string run() {
    std::string out;
    for (i_ = 0; i_ < format_.size(); ++i_) {
      if (format_[i_] != '%') {
        out += format_[i_];
        continue;
      }
      if (++i_ >= format_.size())
        renderError(position_, "incomplete format");
      if (format_[i_] == '%') {
        out += '%';
        continue;
      }
      out += convert();
    }
    if (!args_.isDict() && next_ < values_.size())
      renderError(position_, "not all arguments converted during string formatting");
    return out;
  }

private:
  int number() {
    if (format_[i_] == '*') {
      ++i_;
      const Value& v = nextValue();
      if (!v.isInt())
        renderError(position_, "* wants int");
      return static_cast<int>(v.asInt());
    }
    int n = 0;
    while (i_ < format_.size() && std::isdigit(static_cast<unsigned char>(format_[i_])))
      n = n * 10 + (format_[i_++] - '0');
    return n;
  }

  const Value& nextValue() {
    if (next_ >= values_.size())
      renderError(position_, "not enough arguments for format string");
    return values_[next_++];
  }

  std::string convert() {
    const Value* value = nullptr;
    if (format_[i_] == '(') {
      std::size_t close = format_.find(')', i_);
      if (close == std::string::npos || !args_.isDict())
        renderError(position_, "format requires a mapping");
      std::string key = format_.substr(i_ + 1, close - i_ - 1);
      value = args_.asDict().find(key);
      if (!value)
        renderError(position_, pythonStringRepr(key));
      i_ = close + 1;
    }
    Spec spec;
    while (i_ < format_.size() && std::strchr("-+ #0", format_[i_]))
      spec.flags += format_[i_++];
    if (i_ < format_.size() &&
        (format_[i_] == '*' || std::isdigit(static_cast<unsigned char>(format_[i_]))))
      spec.width = number();
    if (i_ < format_.size() && format_[i_] == '.') {
      ++i_;
      spec.precision = number();
    }
    while (i_ < format_.size() && std::strchr("hlL", format_[i_]))
      ++i_;
    if (i_ >= format_.size())
      renderError(position_, "incomplete format");
    spec.conversion = format_[i_];
    const Value& v = value ? *value : nextValue();
    requireDefined(v, position_);
    return formatOne(spec, v);
  }

  std::string pad(std::string text, const Spec& spec) const {
    auto length = static_cast<int>(codePointCount(text));
    if (spec.width <= length)
      return text;
    std::string fill(spec.width - length, ' ');
    return spec.flags.find('-') != std::string::npos ? text + fill : fill + text;
  }

  std::string cFormat(const Spec& spec, const char* length, char conversion) const {
    std::string f = "%" + spec.flags;
    if (spec.width >= 0)
      f += std::to_string(spec.width);
    if (spec.precision >= 0)
      f += "." + std::to_string(spec.precision);
    return f + length + conversion;
  }

  std::string formatChar(const Value& v) const {
    if (v.isString() && codePointCount(v.asString()) == 1)
      return v.asString();
    if (v.isInt() && v.asInt() >= 0 && v.asInt() <= 0x10FFFF)
      return encodeUtf8(static_cast<char32_t>(v.asInt()));
    renderError(position_, "%c requires an int or a unicode character");
  }

  std::string formatOne(const Spec& spec, const Value& v) const {
    char c = spec.conversion;
    if (c == 's' || c == 'r' || c == 'a') {
      std::string text = c == 's' ? toText(v, position_) : v.repr();
      // markupsafe escapes str() of non-Markup values and repr() of everything.
      if (escape_ && (c != 's' || !v.isMarkup()))
        text = markupEscape(text);
      if (spec.precision >= 0)
        text = encodeUtf8(decodeUtf8(text).substr(0, spec.precision));
      return pad(text, spec);
    }
    if (c == 'c')
      return pad(formatChar(v), spec);
    if (!v.isNumber())
      renderError(position_, std::string("%") + c + " format: a real number is required, not " +
                                 pythonTypeName(v));
    double real =
        v.isFloat() ? v.asFloat() : static_cast<double>(v.isBool() ? v.asBool() : v.asInt());
    char buffer[512];
    if (std::strchr("diuxXo", c)) {
      if (v.isFloat() && (c == 'x' || c == 'X' || c == 'o'))
        renderError(position_, std::string("%") + c + " format: an integer is required, not float");
      long long n = v.isFloat() ? static_cast<long long>(std::trunc(real))
                                : static_cast<long long>(v.isBool() ? v.asBool() : v.asInt());
      char conversion = c == 'i' || c == 'u' ? 'd' : c;
      std::snprintf(buffer, sizeof buffer, cFormat(spec, "ll", conversion).c_str(), n);
      return buffer;
    }
    if (std::strchr("eEfFgG", c)) {
      std::snprintf(buffer, sizeof buffer, cFormat(spec, "", c).c_str(), real);
      return buffer;
    }
    renderError(position_, std::string("unsupported format character '") + c + "'");
  }

  const std::string& format_;
  const Value& args_;
  Position position_;
  ValueList values_;
  bool escape_;
  std::size_t next_ = 0;
  std::size_t i_ = 0;
};

} // namespace

std::string percentFormat(const std::string& format, const Value& args, Position position,
                          bool escapeArguments) {
  return Formatter(format, args, position, escapeArguments).run();
}

} // namespace pm::jinja
