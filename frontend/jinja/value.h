// The values a Jinja template computes with, with Python's semantics: Proton rendered its
// templates with Python Jinja2, so printing, truthiness and equality must be Python's.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace pm::jinja {

class Value;
using ValueList = std::vector<Value>;
struct Symbolic;

// A Python dict: insertion-ordered, keyed by any hashable value (strings in practice).
class ValueDict {
public:
  using Entry = std::pair<Value, Value>;
  const Value* find(const Value& key) const;
  const Value* find(const std::string& key) const;
  void set(Value key, Value value);
  std::size_t size() const; // defined below Value: clang needs Value complete here
  const std::vector<Entry>& entries() const { return entries_; }

private:
  std::vector<Entry> entries_;
};

// An undefined name or attribute; remembers what was looked up for the error message
// ("'dict object' has no attribute 'port'").
struct Undefined {
  std::string hint;
  // Jinja's else-less `a if c` yields a plain (not strict) Undefined: it prints as nothing and
  // iterates as empty; only attribute access and arithmetic on it fail.
  bool lenient = false;
  int line = 0; // where the missing name or attribute was looked up, 0 if unknown
  int column = 0;
};
struct None {};

// A method looked up but not yet called (`d.items`, `s.split`, `loop.cycle`, `range`): Jinja's
// `a.b` prefers Python attributes, so `d.items` is the dict method even when `d` has a key `items`.
struct Method {
  std::string name; // "dict.items", "str.split", "loop.cycle", "range"
  std::shared_ptr<const Value> self;
};

class Value {
public:
  enum class Kind { Undefined, None, Bool, Int, Float, String, List, Dict, Method };
  // A list that Python would print as a dict view (dict_items([('a', 1)])) or that is really a
  // one-shot iterator (the result of `map`, `select`, `reverse`), which Python cannot print; or
  // a dict that is a Jinja namespace() object (attributes only, assignable with `set ns.a`).
  enum class View { Plain, DictKeys, DictValues, DictItems, Iterator, Namespace };

  Value() : data_(Undefined{}) {}
  Value(bool b) : data_(b) {}
  Value(int i) : data_(static_cast<std::int64_t>(i)) {}
  Value(std::int64_t i) : data_(i) {}
  Value(double d) : data_(d) {}
  Value(std::string s) : data_(std::move(s)) {}
  Value(const char* s) : data_(std::string(s)) {}

  static Value none() { return Value(None{}); }
  static Value undefined(std::string hint) { return Value(Undefined{std::move(hint)}); }
  static Value list(ValueList items = {});
  static Value tuple(ValueList items);
  static Value dict(ValueDict entries = {});
  static Value lenientUndefined(std::string hint);
  static Value undefinedAt(std::string hint, int line, int column) {
    return Value(Undefined{std::move(hint), false, line, column});
  }
  static Value method(std::string name, Value self);
  static Value dictView(View view, ValueList items);
  static Value namespaceObject(ValueDict attributes);
  bool isNamespace() const { return isDict() && view_ == View::Namespace; }

  Kind kind() const { return static_cast<Kind>(data_.index()); }
  bool isUndefined() const { return kind() == Kind::Undefined; }
  bool isNone() const { return kind() == Kind::None; }
  bool isBool() const { return kind() == Kind::Bool; }
  bool isInt() const { return kind() == Kind::Int; }
  bool isFloat() const { return kind() == Kind::Float; }
  bool isNumber() const { return isInt() || isFloat() || isBool(); }
  bool isString() const { return kind() == Kind::String; }
  bool isList() const { return kind() == Kind::List; }
  bool isDict() const { return kind() == Kind::Dict; }
  bool isTuple() const { return isList() && tuple_; }
  bool isMethod() const { return kind() == Kind::Method; }
  bool isLenientUndefined() const { return isUndefined() && std::get<Undefined>(data_).lenient; }
  View view() const { return view_; }

  bool asBool() const { return std::get<bool>(data_); }
  std::int64_t asInt() const { return std::get<std::int64_t>(data_); }
  double asFloat() const { return std::get<double>(data_); }
  const std::string& asString() const { return std::get<std::string>(data_); }
  const ValueList& asList() const { return *std::get<std::shared_ptr<ValueList>>(data_); }
  ValueList& mutableList() { return *std::get<std::shared_ptr<ValueList>>(data_); }
  const ValueDict& asDict() const { return *std::get<std::shared_ptr<ValueDict>>(data_); }
  ValueDict& mutableDict() { return *std::get<std::shared_ptr<ValueDict>>(data_); }
  const std::string& undefinedHint() const { return std::get<Undefined>(data_).hint; }
  const Undefined& asUndefined() const { return std::get<Undefined>(data_); }
  const Method& asMethod() const { return std::get<Method>(data_); }

  // Markup (the result of `safe` or `tojson`): prints the same, since autoescape is off.
  bool isMarkup() const { return markup_; }
  Value asMarkup() const {
    Value copy = *this;
    copy.markup_ = true;
    return copy;
  }

  // Parametric mode: the value stands for an input, context value or upstream output (see
  // symbolic.h); the concrete data is its value for this render. Plain renders never set it.
  bool isSymbolic() const { return symbolic_ != nullptr; }
  const Symbolic& symbolic() const { return *symbolic_; }
  Value withSymbolic(std::shared_ptr<const Symbolic> symbolic) const {
    Value copy = *this;
    copy.symbolic_ = std::move(symbolic);
    return copy;
  }

  std::string str() const;      // Python str(): True, None, 1.5, ['a', 1], {'k': 'v'}
  std::string repr() const;     // Python repr(): strings quoted as Python quotes them
  bool truthy() const;          // Python bool()
  std::string typeName() const; // Python type name, for error messages: 'dict object'

  friend bool operator==(const Value& a, const Value& b); // Python ==, 1 == 1.0 == True

private:
  explicit Value(None n) : data_(n) {}
  explicit Value(Undefined u) : data_(std::move(u)) {}
  explicit Value(Method m) : data_(std::move(m)) {}
  std::variant<Undefined, None, bool, std::int64_t, double, std::string, std::shared_ptr<ValueList>,
               std::shared_ptr<ValueDict>, Method>
      data_;
  bool tuple_ = false;
  View view_ = View::Plain;
  bool markup_ = false;
  std::shared_ptr<const Symbolic> symbolic_;
};

inline std::size_t ValueDict::size() const { return entries_.size(); }

// Python's repr() of a float: the shortest string that round-trips, "1.0", "1e+16", "inf".
std::string pythonFloatRepr(double value);

} // namespace pm::jinja
