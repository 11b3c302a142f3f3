// Number filters: Python's int()/float() parsing and round() rules as Jinja's filters use them.
#include "frontend/jinja/number_filters.h"

#include "frontend/jinja/python_ops.h"
#include "frontend/jinja/python_text.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace pm::jinja {

namespace {

Position at(const CallArgs& args) {
  return args.position;
}

// Python's float() of a string: optional sign, digits with single underscores, inf, nan.
std::optional<double> parseFloat(const std::string& raw) {
  std::string s = decodeUtf8(raw).empty() ? "" : raw;
  std::size_t b = 0, e = s.size();
  while (b < e && isPythonSpace(static_cast<unsigned char>(s[b])))
    ++b;
  while (e > b && isPythonSpace(static_cast<unsigned char>(s[e - 1])))
    --e;
  std::string t;
  for (std::size_t i = b; i < e; ++i) {
    if (s[i] == '_') {
      if (i == b || i + 1 >= e || !std::isdigit(static_cast<unsigned char>(s[i - 1])) ||
          !std::isdigit(static_cast<unsigned char>(s[i + 1])))
        return std::nullopt;
      continue;
    }
    t += s[i];
  }
  std::string lower = asciiLower(t);
  std::string body =
      !lower.empty() && (lower[0] == '+' || lower[0] == '-') ? lower.substr(1) : lower;
  if (body == "inf" || body == "infinity" || body == "nan")
    return std::strtod(lower.c_str(), nullptr);
  bool digits = false, dot = false, exp = false;
  for (std::size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (std::isdigit(static_cast<unsigned char>(c)))
      digits = true;
    else if (c == '.' && !dot && !exp)
      dot = true;
    else if (c == 'e' && digits && !exp) {
      exp = true;
      digits = false;
      if (i + 1 < body.size() && (body[i + 1] == '+' || body[i + 1] == '-'))
        ++i;
    } else
      return std::nullopt;
  }
  if (!digits)
    return std::nullopt;
  return std::strtod(t.c_str(), nullptr);
}

// Python's int(text, base) for bases 2..36 (no prefixes unless they match the base).
std::optional<std::int64_t> parseInt(const std::string& s, int base) {
  std::string t;
  std::size_t b = 0, e = s.size();
  while (b < e && isPythonSpace(static_cast<unsigned char>(s[b])))
    ++b;
  while (e > b && isPythonSpace(static_cast<unsigned char>(s[e - 1])))
    --e;
  bool negative = false;
  if (b < e && (s[b] == '+' || s[b] == '-'))
    negative = s[b++] == '-';
  if (e - b > 2 && s[b] == '0') {
    char p = static_cast<char>(std::tolower(s[b + 1]));
    if ((p == 'x' && base == 16) || (p == 'o' && base == 8) || (p == 'b' && base == 2))
      b += 2;
  }
  if (b >= e)
    return std::nullopt;
  unsigned long long value = 0;
  for (std::size_t i = b; i < e; ++i) {
    if (s[i] == '_' && i > b && i + 1 < e && s[i + 1] != '_')
      continue;
    int digit = std::isdigit(static_cast<unsigned char>(s[i]))   ? s[i] - '0'
                : std::isalpha(static_cast<unsigned char>(s[i])) ? std::tolower(s[i]) - 'a' + 10
                                                                 : 99;
    if (digit >= base)
      return std::nullopt;
    value = value * base + digit;
    if (value > static_cast<unsigned long long>(INT64_MAX))
      return std::nullopt;
  }
  auto result = static_cast<std::int64_t>(value);
  return negative ? -result : result;
}

// Python's round(x, n): correctly rounded, ties to even on the exact binary value (as printf).
double roundCommon(double value, std::int64_t precision) {
  if (precision >= 0) {
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, "%.*f",
                  static_cast<int>(std::min<std::int64_t>(precision, 300)), value);
    return std::strtod(buffer, nullptr);
  }
  double scale = std::pow(10.0, static_cast<double>(-precision));
  return std::nearbyint(value / scale) * scale;
}

// Python's round(int, n): unchanged for n >= 0, else to a multiple of 10**-n, ties to even.
Value roundInteger(std::int64_t value, std::int64_t precision) {
  if (precision >= 0)
    return Value(value);
  if (precision < -18)
    return Value(0);
  std::int64_t unit = 1;
  for (std::int64_t i = 0; i < -precision; ++i)
    unit *= 10;
  std::int64_t quotient = value / unit, remainder = value % unit;
  if (remainder < 0) {
    --quotient;
    remainder += unit;
  }
  if (remainder * 2 > unit || (remainder * 2 == unit && quotient % 2 != 0))
    ++quotient;
  return Value(quotient * unit);
}

} // namespace

Value doFloat(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs a("float", args, {{"default", Value(0.0)}});
  requireDefined(input, at(args));
  if (input.isNumber())
    return Value(input.isFloat()
                     ? input.asFloat()
                     : static_cast<double>(input.isBool() ? input.asBool() : input.asInt()));
  if (input.isString())
    if (auto parsed = parseFloat(input.asString()))
      return Value(*parsed);
  return a[0];
}

Value doInt(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs a("int", args, {{"default", Value(0)}, {"base", Value(10)}});
  requireDefined(input, at(args));
  if (input.isInt() || input.isBool())
    return Value(input.isBool() ? std::int64_t{input.asBool()} : input.asInt());
  std::optional<double> asFloat;
  if (input.isString()) {
    if (auto parsed =
            parseInt(input.asString(), static_cast<int>(intParam(a[1], "base", at(args)))))
      return Value(*parsed);
    asFloat = parseFloat(input.asString());
  } else if (input.isFloat()) {
    asFloat = input.asFloat();
  }
  if (!asFloat || std::isnan(*asFloat))
    return a[0];
  if (std::isinf(*asFloat) || std::fabs(*asFloat) >= 9.2e18)
    renderError(at(args), std::isinf(*asFloat)
                              ? "cannot convert float infinity to integer"
                              : "integer too large: proton-migrate computes with 64-bit integers");
  return Value(static_cast<std::int64_t>(*asFloat));
}

Value doRound(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs a("round", args, {{"precision", Value(0)}, {"method", Value("common")}});
  std::int64_t precision = intParam(a[0], "precision", at(args));
  std::string method = toText(a[1], at(args));
  if (method != "common" && method != "ceil" && method != "floor")
    renderError(at(args), "method must be common, ceil or floor");
  requireDefined(input, at(args));
  if (!input.isNumber())
    renderError(at(args), "type " + pythonTypeName(input) + " doesn't define __round__ method");
  double x = input.isFloat() ? input.asFloat()
                             : static_cast<double>(input.isBool() ? input.asBool() : input.asInt());
  if (method == "common" && !input.isFloat())
    return roundInteger(input.isBool() ? input.asBool() : input.asInt(), precision);
  if (method == "common")
    return Value(roundCommon(x, precision));
  double scale = std::pow(10.0, static_cast<double>(precision));
  return Value((method == "ceil" ? std::ceil(x * scale) : std::floor(x * scale)) / scale);
}

Value doAbs(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs("abs", args, {});
  requireDefined(input, at(args));
  if (input.isFloat())
    return Value(std::fabs(input.asFloat()));
  if (input.isNumber()) {
    std::int64_t n = input.isBool() ? input.asBool() : input.asInt();
    return Value(n < 0 ? -n : n);
  }
  renderError(at(args), "bad operand type for abs(): '" + pythonTypeName(input) + "'");
}

} // namespace pm::jinja
