// PyYAML-compatible scalar resolution: spec values must print as Python prints them.
#include "frontend/yaml/python_yaml.h"

#include <doctest/doctest.h>

using pm::frontend::resolvePlainScalar;

TEST_CASE("YAML 1.1 booleans resolve like PyYAML, including yes/no/on/off") {
  CHECK(resolvePlainScalar("yes").isBool());
  CHECK(resolvePlainScalar("Off").isBool());
  CHECK_FALSE(resolvePlainScalar("Off").asBool());
  CHECK(resolvePlainScalar("TRUE").asBool());
  CHECK(resolvePlainScalar("y").isString()); // PyYAML does not treat y/n as booleans
}

TEST_CASE("integers resolve in every YAML 1.1 base, with underscores and sexagesimal") {
  CHECK(resolvePlainScalar("8080").asInt() == 8080);
  CHECK(resolvePlainScalar("1_000").asInt() == 1000);
  CHECK(resolvePlainScalar("0x1F").asInt() == 31);
  CHECK(resolvePlainScalar("0b101").asInt() == 5);
  CHECK(resolvePlainScalar("017").asInt() == 15);
  CHECK(resolvePlainScalar("1:30").asInt() == 90);
  CHECK(resolvePlainScalar("-42").asInt() == -42);
}

TEST_CASE("floats need a dot in YAML 1.1, so 1e5 stays a string") {
  CHECK(resolvePlainScalar("1.5").asFloat() == doctest::Approx(1.5));
  CHECK(resolvePlainScalar("1.0e+3").asFloat() == doctest::Approx(1000));
  CHECK(resolvePlainScalar("1e5").isString());
  CHECK(resolvePlainScalar(".inf").isFloat());
}

TEST_CASE("null forms and CIDR-like text resolve as PyYAML does") {
  CHECK(resolvePlainScalar("~").isNone());
  CHECK(resolvePlainScalar("").isNone());
  CHECK(resolvePlainScalar("null").isNone());
  CHECK(resolvePlainScalar("10.0.0.0/16").isString());
  CHECK(resolvePlainScalar("2021-1-5").asString() == "2021-01-05");
}

TEST_CASE("a billion-laughs document is reported instead of expanded") {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char previous = 'a';
  for (char name = 'b'; name <= 'j'; ++name) {
    text += std::string(1, name) + ": &" + name + " [";
    for (int i = 0; i < 10; ++i)
      text += std::string(i ? ", *" : "*") + previous;
    text += "]\n";
    previous = name;
  }
  pm::ir::Diagnostics diagnostics;
  auto value = pm::frontend::toPythonValue(YAML::Load(text), "laughs.yaml", diagnostics);
  CHECK_FALSE(value.has_value());
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].ruleId == "PRS001");
}
