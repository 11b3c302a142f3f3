// Python operator semantics: int/float arithmetic, sequence concatenation and repetition,
// comparisons and membership, with Python's error wording.
#include "frontend/jinja/python_ops.h"

#include "frontend/jinja/percent_format.h"
#include "frontend/jinja/python_methods.h"
#include "frontend/jinja/python_text.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace pm::jinja {

void failUndefined(const Value& value, Position position) {
  const Undefined& undefined = value.asUndefined();
  if (undefined.line > 0)
    position = {undefined.line, undefined.column};
  renderError(position, undefined.hint);
}

void requireDefined(const Value& value, Position position, bool allowLenient) {
  if (value.isUndefined() && !(allowLenient && value.isLenientUndefined()))
    failUndefined(value, position);
}

std::string pythonTypeName(const Value& value) {
  std::string name = value.typeName();
  auto space = name.rfind(" object");
  if (space == std::string::npos)
    return "NoneType";
  name = name.substr(0, space);
  auto dot = name.rfind('.');
  return dot == std::string::npos ? name : name.substr(dot + 1); // Python's __name__, no module
}

std::string toText(const Value& value, Position position) {
  requireDefined(value, position, true);
  if (value.isMethod())
    renderError(position, "cannot print method '" + value.asMethod().name +
                              "': Python prints its memory address; call it with ()");
  if (value.isList() && value.view() == Value::View::Iterator)
    renderError(position, "cannot print a generator (Python prints its memory address); "
                          "add `|list` or `|join`");
  return value.str();
}

bool toBool(const Value& value, Position position) {
  requireDefined(value, position, true);
  return value.truthy();
}

ValueList iterate(const Value& value, Position position) {
  requireDefined(value, position, true);
  if (value.isUndefined())
    return {};
  if (value.isList())
    return value.asList();
  if (value.isDict() && !value.isNamespace()) {
    ValueList keys;
    for (const auto& entry : value.asDict().entries())
      keys.push_back(entry.first);
    return keys;
  }
  if (value.isString()) {
    ValueList chars;
    for (char32_t c : decodeUtf8(value.asString()))
      chars.emplace_back(encodeUtf8(c));
    return chars;
  }
  renderError(position, "'" + pythonTypeName(value) + "' object is not iterable");
}

std::int64_t length(const Value& value, Position position) {
  requireDefined(value, position);
  if (value.isString())
    return static_cast<std::int64_t>(codePointCount(value.asString()));
  if (value.isList() && value.view() != Value::View::Iterator)
    return static_cast<std::int64_t>(value.asList().size());
  if (value.isDict() && !value.isNamespace())
    return static_cast<std::int64_t>(value.asDict().size());
  renderError(position, "object of type '" + pythonTypeName(value) + "' has no len()");
}

namespace {

bool isIntegral(const Value& v) {
  return v.isInt() || v.isBool();
}
std::int64_t integral(const Value& v) {
  return v.isBool() ? v.asBool() : v.asInt();
}
double number(const Value& v) {
  return v.isFloat() ? v.asFloat() : static_cast<double>(integral(v));
}

[[noreturn]] void unsupported(const std::string& op, const Value& a, const Value& b,
                              Position position) {
  renderError(position, "unsupported operand type(s) for " + op + ": '" + pythonTypeName(a) +
                            "' and '" + pythonTypeName(b) + "'");
}

[[noreturn]] void overflow(Position position) {
  renderError(position, "integer overflow: proton-migrate computes with 64-bit integers");
}

Value repeat(const Value& sequence, std::int64_t times, Position position) {
  if (times < 0)
    times = 0;
  // Compared by division: size * times could wrap around for a huge `times`.
  auto tooLarge = [&](std::size_t size, std::size_t limit) {
    return size != 0 && static_cast<std::size_t>(times) > limit / size;
  };
  if (sequence.isString()) {
    if (tooLarge(sequence.asString().size(), 64u << 20))
      renderError(position, "string repetition result is too large");
    std::string out;
    for (std::int64_t i = 0; i < times; ++i)
      out += sequence.asString();
    return Value(out);
  }
  if (tooLarge(sequence.asList().size(), 1'000'000))
    renderError(position, "list repetition result is too large");
  ValueList out;
  for (std::int64_t i = 0; i < times; ++i)
    out.insert(out.end(), sequence.asList().begin(), sequence.asList().end());
  return sequence.isTuple() ? Value::tuple(out) : Value::list(out);
}

Value add(const Value& a, const Value& b, Position position) {
  if (isIntegral(a) && isIntegral(b)) {
    std::int64_t result = 0;
    if (__builtin_add_overflow(integral(a), integral(b), &result))
      overflow(position);
    return Value(result);
  }
  if (a.isNumber() && b.isNumber())
    return Value(number(a) + number(b));
  if (a.isString() && b.isString() && (a.isMarkup() || b.isMarkup())) {
    // Markup + str escapes the plain side, as markupsafe's Markup.__add__/__radd__ do.
    auto side = [](const Value& v) {
      return v.isMarkup() ? v.asString() : markupEscape(v.asString());
    };
    return Value(side(a) + side(b)).asMarkup();
  }
  if (a.isString() && b.isString())
    return Value(a.asString() + b.asString());
  if (a.isList() && b.isList() && a.isTuple() == b.isTuple() && a.view() == Value::View::Plain &&
      b.view() == Value::View::Plain) {
    ValueList items = a.asList();
    items.insert(items.end(), b.asList().begin(), b.asList().end());
    return a.isTuple() ? Value::tuple(items) : Value::list(items);
  }
  if (a.isString())
    renderError(position, "can only concatenate str (not \"" + pythonTypeName(b) + "\") to str");
  if (a.isList() && !a.isTuple())
    renderError(position, "can only concatenate list (not \"" + pythonTypeName(b) + "\") to list");
  unsupported("+", a, b, position);
}

Value multiply(const Value& a, const Value& b, Position position) {
  if (isIntegral(a) && isIntegral(b)) {
    std::int64_t result = 0;
    if (__builtin_mul_overflow(integral(a), integral(b), &result))
      overflow(position);
    return Value(result);
  }
  if (a.isNumber() && b.isNumber())
    return Value(number(a) * number(b));
  if ((a.isString() || a.isList()) && isIntegral(b))
    return repeat(a, integral(b), position);
  if ((b.isString() || b.isList()) && isIntegral(a))
    return repeat(b, integral(a), position);
  if (a.isString() || b.isString())
    renderError(position, "can't multiply sequence by non-int of type '" +
                              pythonTypeName(a.isString() ? b : a) + "'");
  unsupported("*", a, b, position);
}

// Python's floor division and modulo: results take the sign of the divisor.
Value floorDivide(const Value& a, const Value& b, bool modulo, Position position) {
  if (isIntegral(a) && isIntegral(b)) {
    std::int64_t x = integral(a), y = integral(b);
    if (y == 0)
      renderError(position, modulo ? "integer division or modulo by zero"
                                   : "integer division or modulo by zero");
    if (x == INT64_MIN && y == -1)
      overflow(position);
    std::int64_t q = x / y, r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) {
      --q;
      r += y;
    }
    return modulo ? Value(r) : Value(q);
  }
  double x = number(a), y = number(b);
  if (y == 0.0)
    renderError(position, modulo ? "float modulo" : "float floor division by zero");
  double r = std::fmod(x, y);
  if (r != 0 && ((r < 0) != (y < 0)))
    r += y;
  if (modulo)
    return Value(r == 0 ? std::copysign(0.0, y) : r);
  return Value(std::floor(x / y));
}

Value power(const Value& a, const Value& b, Position position) {
  if (isIntegral(a) && isIntegral(b) && integral(b) >= 0) {
    std::int64_t result = 1, base = integral(a);
    for (std::int64_t e = integral(b); e > 0; --e)
      if (__builtin_mul_overflow(result, base, &result))
        overflow(position);
    return Value(result);
  }
  if (number(a) == 0.0 && number(b) < 0)
    renderError(position, "0.0 cannot be raised to a negative power");
  return Value(std::pow(number(a), number(b)));
}

} // namespace

Value binaryOperation(const std::string& op, const Value& a, const Value& b, Position position) {
  requireDefined(a, position);
  requireDefined(b, position);
  if (op == "+")
    return add(a, b, position);
  if (op == "*")
    return multiply(a, b, position);
  if (op == "%" && a.isString())
    return a.isMarkup() ? Value(percentFormat(a.asString(), b, position, true)).asMarkup()
                        : Value(percentFormat(a.asString(), b, position));
  if (!a.isNumber() || !b.isNumber())
    unsupported(op, a, b, position);
  if (op == "-") {
    std::int64_t result = 0;
    if (isIntegral(a) && isIntegral(b)) {
      if (__builtin_sub_overflow(integral(a), integral(b), &result))
        overflow(position);
      return Value(result);
    }
    return Value(number(a) - number(b));
  }
  if (op == "/") {
    if (number(b) == 0.0)
      renderError(position, "division by zero");
    return Value(number(a) / number(b));
  }
  if (op == "//" || op == "%")
    return floorDivide(a, b, op == "%", position);
  if (op == "**")
    return power(a, b, position);
  renderError(position, "unknown operator " + op);
}

Value negate(const Value& value, Position position, bool minus) {
  requireDefined(value, position);
  if (!value.isNumber())
    renderError(position, std::string("bad operand type for unary ") + (minus ? "-" : "+") + ": '" +
                              pythonTypeName(value) + "'");
  if (value.isFloat())
    return Value(minus ? -value.asFloat() : value.asFloat());
  if (minus && integral(value) == INT64_MIN)
    overflow(position);
  return Value(minus ? -integral(value) : integral(value));
}

int orderValues(const Value& a, const Value& b, Position position) {
  requireDefined(a, position);
  requireDefined(b, position);
  if (a.isNumber() && b.isNumber()) {
    if (isIntegral(a) && isIntegral(b))
      return integral(a) < integral(b) ? -1 : integral(a) > integral(b);
    return number(a) < number(b) ? -1 : number(a) > number(b);
  }
  if (a.isString() && b.isString())
    return a.asString() < b.asString() ? -1 : a.asString() > b.asString();
  if (a.isList() && b.isList() && a.isTuple() == b.isTuple()) {
    const ValueList &x = a.asList(), &y = b.asList();
    for (std::size_t i = 0; i < x.size() && i < y.size(); ++i)
      if (!(x[i] == y[i]))
        return orderValues(x[i], y[i], position);
    return x.size() < y.size() ? -1 : x.size() > y.size();
  }
  renderError(position, "'<' not supported between instances of '" + pythonTypeName(a) + "' and '" +
                            pythonTypeName(b) + "'");
}

bool compareValues(const std::string& op, const Value& a, const Value& b, Position position) {
  requireDefined(a, position);
  requireDefined(b, position);
  if (op == "==")
    return a == b;
  if (op == "!=")
    return !(a == b);
  int order = 0;
  try {
    order = orderValues(a, b, position);
  } catch (const TemplateError&) {
    renderError(position, "'" + op + "' not supported between instances of '" + pythonTypeName(a) +
                              "' and '" + pythonTypeName(b) + "'");
  }
  if (op == "<")
    return order < 0;
  if (op == "<=")
    return order <= 0;
  if (op == ">")
    return order > 0;
  return order >= 0;
}

bool contains(const Value& container, const Value& item, Position position) {
  requireDefined(container, position);
  requireDefined(item, position);
  if (container.isString()) {
    if (!item.isString())
      renderError(position,
                  "'in <string>' requires string as left operand, not " + pythonTypeName(item));
    return container.asString().find(item.asString()) != std::string::npos;
  }
  if (container.isDict())
    return container.asDict().find(item) != nullptr;
  if (container.isList()) {
    for (const auto& element : container.asList())
      if (element == item)
        return true;
    return false;
  }
  renderError(position, "argument of type '" + pythonTypeName(container) + "' is not iterable");
}

namespace {

Value missingAttribute(const Value& object, const std::string& name, Position position) {
  std::string owner = object.isNone() ? "None" : object.typeName();
  return Value::undefinedAt("'" + owner + "' has no attribute '" + name + "'", position.line,
                            position.column);
}

Value missingElement(const Value& object, const Value& key, Position position) {
  if (key.isString())
    return missingAttribute(object, key.asString(), position);
  std::string owner = object.isNone() ? "None" : object.typeName();
  return Value::undefinedAt(owner + " has no element " + key.repr(), position.line,
                            position.column);
}

// Python's obj[key] for dicts, sequences and strings; nullopt where Python raises.
std::optional<Value> subscript(const Value& object, const Value& key) {
  if (object.isDict()) {
    const Value* found = object.asDict().find(key);
    return found ? std::optional<Value>(*found) : std::nullopt;
  }
  if (!isIntegral(key) || object.view() != Value::View::Plain)
    return std::nullopt;
  if (object.isList()) {
    auto size = static_cast<std::int64_t>(object.asList().size());
    std::int64_t index = integral(key) < 0 ? integral(key) + size : integral(key);
    if (index < 0 || index >= size)
      return std::nullopt;
    return object.asList()[index];
  }
  if (object.isString()) {
    std::u32string text = decodeUtf8(object.asString());
    auto size = static_cast<std::int64_t>(text.size());
    std::int64_t index = integral(key) < 0 ? integral(key) + size : integral(key);
    if (index < 0 || index >= size)
      return std::nullopt;
    return Value(encodeUtf8(text[index]));
  }
  return std::nullopt;
}

// Python attributes: only methods are reachable; dunder names are refused like Jinja's sandbox.
std::optional<Value> pythonAttribute(const Value& object, const std::string& name) {
  if (name.rfind("__", 0) == 0 || !isMethodName(object, name))
    return std::nullopt;
  return Value::method(methodOwner(object) + "." + name, object);
}

} // namespace

Value getAttribute(const Value& object, const std::string& name, Position position) {
  requireDefined(object, position, false);
  if (auto attribute = pythonAttribute(object, name))
    return *attribute;
  if (auto item = subscript(object, Value(name)))
    return *item;
  return missingAttribute(object, name, position);
}

Value getItem(const Value& object, const Value& key, Position position) {
  requireDefined(object, position, false);
  requireDefined(key, position);
  if (auto item = subscript(object, key))
    return *item;
  if (key.isString())
    if (auto attribute = pythonAttribute(object, key.asString()))
      return *attribute;
  return missingElement(object, key, position);
}

namespace {

std::int64_t sliceBound(const Value& bound, std::int64_t size, std::int64_t fallback,
                        bool negativeStep, Position position) {
  if (bound.isNone() || bound.isUndefined())
    return fallback;
  if (!isIntegral(bound))
    renderError(position, "slice indices must be integers or None or have an __index__ method");
  std::int64_t i = integral(bound);
  if (i < 0)
    i += size;
  std::int64_t low = negativeStep ? -1 : 0, high = negativeStep ? size - 1 : size;
  return std::clamp(i, low, high);
}

} // namespace

Value sliceValue(const Value& object, const Value& start, const Value& stop, const Value& step,
                 Position position) {
  requireDefined(object, position);
  std::int64_t stride = step.isNone() || step.isUndefined() ? 1 : integral(step);
  if (!step.isNone() && !step.isUndefined() && !isIntegral(step))
    renderError(position, "slice indices must be integers or None or have an __index__ method");
  if (stride == 0)
    renderError(position, "slice step cannot be zero");
  bool isText = object.isString();
  if (!isText && !(object.isList() && object.view() == Value::View::Plain))
    return missingElement(object, Value("slice"), position);
  std::u32string text = isText ? decodeUtf8(object.asString()) : std::u32string();
  auto size = static_cast<std::int64_t>(isText ? text.size() : object.asList().size());
  bool negative = stride < 0;
  std::int64_t from = sliceBound(start, size, negative ? size - 1 : 0, negative, position);
  std::int64_t to = sliceBound(stop, size, negative ? -1 : size, negative, position);
  std::u32string textOut;
  ValueList itemsOut;
  for (std::int64_t i = from; negative ? i > to : i < to; i += stride) {
    if (isText)
      textOut += text[i];
    else
      itemsOut.push_back(object.asList()[i]);
  }
  if (isText)
    return Value(encodeUtf8(textOut));
  return object.isTuple() ? Value::tuple(itemsOut) : Value::list(itemsOut);
}

} // namespace pm::jinja
