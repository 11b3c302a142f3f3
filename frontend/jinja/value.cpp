// Python semantics of the values a template computes with: str(), repr(), bool() and ==.
#include "frontend/jinja/value.h"

#include "frontend/jinja/python_text.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace pm::jinja {

const Value* ValueDict::find(const Value& key) const {
  for (const auto& entry : entries_)
    if (entry.first == key)
      return &entry.second;
  return nullptr;
}

const Value* ValueDict::find(const std::string& key) const {
  for (const auto& entry : entries_)
    if (entry.first.isString() && entry.first.asString() == key)
      return &entry.second;
  return nullptr;
}

void ValueDict::set(Value key, Value value) {
  // Python keeps the first key object and its position when a key is re-assigned.
  for (auto& entry : entries_)
    if (entry.first == key) {
      entry.second = std::move(value);
      return;
    }
  entries_.emplace_back(std::move(key), std::move(value));
}

Value Value::list(ValueList items) {
  Value v;
  v.data_ = std::make_shared<ValueList>(std::move(items));
  return v;
}

Value Value::tuple(ValueList items) {
  Value v = list(std::move(items));
  v.tuple_ = true;
  return v;
}

Value Value::dict(ValueDict entries) {
  Value v;
  v.data_ = std::make_shared<ValueDict>(std::move(entries));
  return v;
}

Value Value::lenientUndefined(std::string hint) {
  return Value(Undefined{std::move(hint), true, 0, 0});
}

Value Value::method(std::string name, Value self) {
  return Value(Method{std::move(name), std::make_shared<const Value>(std::move(self))});
}

Value Value::dictView(View view, ValueList items) {
  Value v = list(std::move(items));
  v.view_ = view;
  return v;
}

Value Value::namespaceObject(ValueDict attributes) {
  Value v = dict(std::move(attributes));
  v.view_ = View::Namespace;
  return v;
}

std::string pythonFloatRepr(double value) {
  if (std::isnan(value))
    return "nan";
  if (std::isinf(value))
    return value < 0 ? "-inf" : "inf";
  // Shortest round-trip digits, then Python's layout: scientific when exponent < -4 or >= 16.
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  std::string sci(buffer, result.ptr);
  bool negative = sci[0] == '-';
  if (negative)
    sci.erase(0, 1);
  auto ePos = sci.find('e');
  int exponent = std::atoi(sci.c_str() + ePos + 1);
  std::string digits = sci.substr(0, ePos);
  if (digits.size() > 1)
    digits.erase(1, 1); // drop the '.'
  std::string out;
  if (exponent < -4 || exponent >= 16) {
    out = digits.substr(0, 1);
    if (digits.size() > 1)
      out += "." + digits.substr(1);
    std::string expText = std::to_string(std::abs(exponent));
    if (expText.size() < 2)
      expText = "0" + expText;
    out += (exponent < 0 ? "e-" : "e+") + expText;
  } else if (exponent < 0) {
    out = "0." + std::string(-exponent - 1, '0') + digits;
  } else if (static_cast<int>(digits.size()) <= exponent + 1) {
    out = digits + std::string(exponent + 1 - digits.size(), '0') + ".0";
  } else {
    out = digits.substr(0, exponent + 1) + "." + digits.substr(exponent + 1);
  }
  return negative ? "-" + out : out;
}

namespace {

std::string joinRepr(const ValueList& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i)
      out += ", ";
    out += items[i].repr();
  }
  return out;
}

std::string sequenceText(const Value& v) {
  const ValueList& items = v.asList();
  switch (v.view()) {
  case Value::View::DictKeys:
    return "dict_keys([" + joinRepr(items) + "])";
  case Value::View::DictValues:
    return "dict_values([" + joinRepr(items) + "])";
  case Value::View::DictItems:
    return "dict_items([" + joinRepr(items) + "])";
  case Value::View::Iterator:
    return "<generator object>";
  case Value::View::Namespace:
  case Value::View::Plain:
    break;
  }
  if (!v.isTuple())
    return "[" + joinRepr(items) + "]";
  return "(" + joinRepr(items) + (items.size() == 1 ? ",)" : ")");
}

std::string dictText(const ValueDict& dict) {
  std::string out = "{";
  bool first = true;
  for (const auto& [key, value] : dict.entries()) {
    if (!first)
      out += ", ";
    first = false;
    out += key.repr() + ": " + value.repr();
  }
  return out + "}";
}

} // namespace

std::string Value::str() const {
  switch (kind()) {
  case Kind::Undefined:
    return ""; // callers report strict undefined values before printing them
  case Kind::None:
    return "None";
  case Kind::Bool:
    return asBool() ? "True" : "False";
  case Kind::Int:
    return std::to_string(asInt());
  case Kind::Float:
    return pythonFloatRepr(asFloat());
  case Kind::String:
    return asString();
  case Kind::List:
    return sequenceText(*this);
  case Kind::Dict:
    return isNamespace() ? "<Namespace " + dictText(asDict()) + ">" : dictText(asDict());
  case Kind::Method:
    return "<built-in method " + asMethod().name + ">";
  }
  return "";
}

std::string Value::repr() const {
  if (isString())
    return markup_ ? "Markup(" + pythonStringRepr(asString()) + ")" : pythonStringRepr(asString());
  if (isUndefined())
    return "Undefined"; // Jinja's Undefined.__repr__, even for StrictUndefined
  return str();
}

bool Value::truthy() const {
  switch (kind()) {
  case Kind::Undefined:
  case Kind::None:
    return false;
  case Kind::Bool:
    return asBool();
  case Kind::Int:
    return asInt() != 0;
  case Kind::Float:
    return asFloat() != 0.0;
  case Kind::String:
    return !asString().empty();
  case Kind::List:
    return !asList().empty();
  case Kind::Dict:
    return isNamespace() || asDict().size() != 0;
  case Kind::Method:
    return true;
  }
  return false;
}

std::string Value::typeName() const {
  if (isMarkup())
    return "markupsafe.Markup object";
  switch (kind()) {
  case Kind::Undefined:
    return "jinja2.runtime.StrictUndefined object";
  case Kind::None:
    return "None";
  case Kind::Bool:
    return "bool object";
  case Kind::Int:
    return "int object";
  case Kind::Float:
    return "float object";
  case Kind::String:
    return "str object";
  case Kind::List:
    switch (view()) {
    case View::DictKeys:
      return "dict_keys object";
    case View::DictValues:
      return "dict_values object";
    case View::DictItems:
      return "dict_items object";
    case View::Iterator:
      return "generator object";
    case View::Namespace:
    case View::Plain:
      break;
    }
    return isTuple() ? "tuple object" : "list object";
  case Kind::Dict:
    return isNamespace() ? "jinja2.utils.Namespace object" : "dict object";
  case Kind::Method:
    return "builtin_function_or_method object";
  }
  return "object";
}

namespace {

double numberOf(const Value& v) {
  if (v.isBool())
    return v.asBool() ? 1.0 : 0.0;
  if (v.isInt())
    return static_cast<double>(v.asInt());
  return v.asFloat();
}

bool dictsEqual(const ValueDict& a, const ValueDict& b) {
  if (a.size() != b.size())
    return false;
  for (const auto& [key, value] : a.entries()) {
    const Value* other = b.find(key);
    if (!other || !(*other == value))
      return false;
  }
  return true;
}

} // namespace

bool operator==(const Value& a, const Value& b) {
  if (a.isNumber() && b.isNumber()) {
    if (!a.isFloat() && !b.isFloat())
      return (a.isBool() ? a.asBool() : a.asInt()) == (b.isBool() ? b.asBool() : b.asInt());
    return numberOf(a) == numberOf(b);
  }
  if (a.kind() != b.kind())
    return false;
  switch (a.kind()) {
  case Value::Kind::Undefined:
  case Value::Kind::None:
    return true;
  case Value::Kind::String:
    return a.asString() == b.asString();
  case Value::Kind::List:
    // Python: a list never equals a tuple; dict views compare like their contents here.
    return a.isTuple() == b.isTuple() && a.asList() == b.asList();
  case Value::Kind::Dict:
    // A namespace is an ordinary Python object: equal only to itself.
    if (a.isNamespace() || b.isNamespace())
      return &a.asDict() == &b.asDict();
    return dictsEqual(a.asDict(), b.asDict());
  case Value::Kind::Method:
    return a.asMethod().name == b.asMethod().name && a.asMethod().self == b.asMethod().self;
  default:
    return false;
  }
}

} // namespace pm::jinja
