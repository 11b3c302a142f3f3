// Jinja's tests. Type tests answer False for an undefined value without raising (they only ask
// isinstance), as in Jinja; tests that compute with the value raise StrictUndefined's error.
#include "frontend/jinja/builtin_tests.h"

#include "frontend/jinja/python_ops.h"
#include "frontend/jinja/python_text.h"

#include <cmath>
#include <set>

namespace pm::jinja {

namespace {

const std::set<std::string>& testNames() {
  static const std::set<std::string> kNames = {
      "boolean", "callable", "defined",  "divisibleby", "eq",       "equalto", "escaped",
      "even",    "false",    "filter",   "float",       "ge",       "gt",      "greaterthan",
      "in",      "integer",  "iterable", "le",          "lessthan", "lower",   "lt",
      "mapping", "ne",       "none",     "number",      "odd",      "sameas",  "sequence",
      "string",  "test",     "true",     "undefined",   "upper",    "==",      "!=",
      "<",       "<=",       ">",        ">="};
  return kNames;
}

bool isIntegral(const Value& v) {
  return v.isInt() || v.isBool();
}

bool typeTest(const std::string& name, const Value& v) {
  if (name == "none")
    return v.isNone();
  if (name == "boolean")
    return v.isBool();
  if (name == "true")
    return v.isBool() && v.asBool();
  if (name == "false")
    return v.isBool() && !v.asBool();
  if (name == "integer")
    return v.isInt();
  if (name == "float")
    return v.isFloat();
  if (name == "number")
    return v.isNumber();
  if (name == "string")
    return v.isString();
  if (name == "mapping")
    return v.isDict() && !v.isNamespace();
  if (name == "escaped")
    return v.isMarkup();
  // Undefined is callable in Jinja (it has __call__); methods are too.
  return v.isUndefined() || v.isMethod();
}

std::int64_t integerOf(const Value& v, Position position) {
  requireDefined(v, position);
  if (isIntegral(v))
    return v.isBool() ? v.asBool() : v.asInt();
  renderError(position, "unsupported operand type(s) for %: '" + pythonTypeName(v) + "' and 'int'");
}

std::string comparison(const std::string& name) {
  if (name == "eq" || name == "equalto" || name == "==")
    return "==";
  if (name == "ne" || name == "!=")
    return "!=";
  if (name == "lt" || name == "lessthan" || name == "<")
    return "<";
  if (name == "le" || name == "<=")
    return "<=";
  if (name == "gt" || name == "greaterthan" || name == ">")
    return ">";
  return ">=";
}

bool caseTest(const std::string& text, bool lower) {
  bool cased = false;
  for (unsigned char c : text) {
    if (lower ? std::isupper(c) : std::islower(c))
      return false;
    cased = cased || std::isalpha(c);
  }
  return cased;
}

} // namespace

bool isKnownTest(const std::string& name) {
  return testNames().count(name) > 0;
}

bool applyTest(const std::string& name, const Value& v, const CallArgs& args) {
  Position at = args.position;
  if (name == "defined" || name == "undefined") {
    BoundArgs(name, args, {});
    return v.isUndefined() == (name == "undefined");
  }
  static const std::set<std::string> kTypeTests = {"none",    "boolean", "true",    "false",
                                                   "integer", "float",   "number",  "string",
                                                   "mapping", "escaped", "callable"};
  if (kTypeTests.count(name)) {
    BoundArgs(name, args, {});
    return typeTest(name, v);
  }
  if (name == "sameas") {
    BoundArgs a(name, args, {{"other", {}, true}});
    // Python identity: singletons, cached small ints and (usually interned) equal strings are
    // the same object; containers are the same when they share their storage.
    if (v.kind() != a[0].kind())
      return false;
    if (v.isInt())
      return v.asInt() == a[0].asInt() && v.asInt() >= -5 && v.asInt() <= 256;
    if (v.isNone() || v.isBool() || v.isString())
      return v == a[0];
    if (v.isList())
      return &v.asList() == &a[0].asList();
    if (v.isDict())
      return &v.asDict() == &a[0].asDict();
    return false;
  }
  if (name == "odd" || name == "even") {
    BoundArgs(name, args, {});
    std::int64_t n = integerOf(v, at);
    return ((n % 2 + 2) % 2 == 1) == (name == "odd");
  }
  if (name == "divisibleby") {
    BoundArgs a(name, args, {{"num", {}, true}});
    std::int64_t divisor = integerOf(a[0], at);
    if (divisor == 0)
      renderError(at, "integer division or modulo by zero");
    return integerOf(v, at) % divisor == 0;
  }
  if (name == "lower" || name == "upper") {
    BoundArgs(name, args, {});
    return caseTest(toText(v, at), name == "lower");
  }
  if (name == "iterable" || name == "sequence") {
    BoundArgs(name, args, {});
    requireDefined(v, at);
    return v.isString() || v.isList() || v.isDict();
  }
  if (name == "in") {
    BoundArgs a(name, args, {{"seq", {}, true}});
    return contains(a[0], v, at);
  }
  if (name == "filter" || name == "test") {
    BoundArgs(name, args, {});
    renderError(at, "the '" + name + "' test is not supported by proton-migrate");
  }
  BoundArgs a(name, args, {{"other", {}, true}});
  return compareValues(comparison(name), v, a[0], at);
}

} // namespace pm::jinja
