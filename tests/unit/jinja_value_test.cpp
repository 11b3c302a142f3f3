// Python semantics of template values: float repr, str/repr of containers, truth and equality.
#include "frontend/jinja/value.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

using pm::jinja::pythonFloatRepr;
using pm::jinja::Value;
using pm::jinja::ValueDict;

TEST_CASE("Floats print with Python's shortest round-trip repr") {
  CHECK(pythonFloatRepr(1.5) == "1.5");
  CHECK(pythonFloatRepr(1.0) == "1.0");
  CHECK(pythonFloatRepr(1e16) == "1e+16");
  CHECK(pythonFloatRepr(1e15) == "1000000000000000.0");
  CHECK(pythonFloatRepr(1e-05) == "1e-05");
  CHECK(pythonFloatRepr(0.0001) == "0.0001");
  CHECK(pythonFloatRepr(0.1 + 0.2) == "0.30000000000000004");
  CHECK(pythonFloatRepr(123456789012345678.0) == "1.2345678901234568e+17");
  CHECK(pythonFloatRepr(1.5e-7) == "1.5e-07");
  CHECK(pythonFloatRepr(-0.0) == "-0.0");
  CHECK(pythonFloatRepr(std::numeric_limits<double>::infinity()) == "inf");
  CHECK(pythonFloatRepr(-std::numeric_limits<double>::infinity()) == "-inf");
  CHECK(pythonFloatRepr(std::nan("")) == "nan");
  CHECK(pythonFloatRepr(1e300) == "1e+300");
  CHECK(pythonFloatRepr(5e-324) == "5e-324");
}

TEST_CASE("Containers print their items with Python's repr") {
  ValueDict dict;
  dict.set("k", Value("it's"));
  dict.set("n", Value::none());
  CHECK(Value::list({Value("a"), Value(1), Value(true)}).str() == "['a', 1, True]");
  CHECK(Value::dict(dict).str() == "{'k': \"it's\", 'n': None}");
  CHECK(Value::tuple({Value("a")}).str() == "('a',)");
  CHECK(Value::tuple({}).str() == "()");
  CHECK(Value::list({Value("a\"b'c\n")}).str() == "['a\"b\\'c\\n']");
  CHECK(Value::list({Value("a").asMarkup()}).str() == "[Markup('a')]");
  CHECK(Value::list({Value::undefined("x")}).str() == "[Undefined]");
}

TEST_CASE("Equality follows Python across numbers, sequences and dicts") {
  CHECK(Value(1) == Value(1.0));
  CHECK(Value(1) == Value(true));
  CHECK_FALSE(Value("1") == Value(1));
  CHECK_FALSE(Value::list({Value(1)}) == Value::tuple({Value(1)}));
  ValueDict a, b;
  a.set("x", Value(1));
  a.set("y", Value(2));
  b.set("y", Value(2));
  b.set("x", Value(1.0));
  CHECK(Value::dict(a) == Value::dict(b));
}

TEST_CASE("Truthiness follows Python") {
  CHECK_FALSE(Value("").truthy());
  CHECK_FALSE(Value(0.0).truthy());
  CHECK_FALSE(Value::list().truthy());
  CHECK_FALSE(Value::none().truthy());
  CHECK(Value("0").truthy());
  CHECK(Value::tuple({Value::none()}).truthy());
}

TEST_CASE("Dict keys equal in Python share one entry") {
  ValueDict dict;
  dict.set(Value(1), Value("int"));
  dict.set(Value(true), Value("bool"));
  REQUIRE(dict.size() == 1);
  CHECK(dict.entries()[0].first.isInt());
  CHECK(dict.find(Value(1.0))->asString() == "bool");
}
