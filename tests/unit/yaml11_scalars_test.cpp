// PyYAML's implicit resolvers as hand-written matchers (frontend/yaml/yaml11_scalars.h).
#include "frontend/yaml/yaml11_scalars.h"

#include <doctest/doctest.h>

using namespace pm::frontend;

TEST_CASE("YAML 1.1 integers are matched as PyYAML's resolver matches them") {
  for (const char* yes : {"0", "-0", "7", "+12", "1_000", "0b101", "-0b1_0", "0x1F", "0x_f", "0777",
                          "00", "1:30", "-190:20:30", "1:7"})
    CHECK_MESSAGE(yaml11::isInt(yes), yes);
  for (const char* no :
       {"", "-", "0b", "0x", "08", "1.0", "1e5", "1:77", "1:", ":30", "0:30", "01:30", "12a", "_1"})
    CHECK_FALSE_MESSAGE(yaml11::isInt(no), no);
}

TEST_CASE("YAML 1.1 floats are matched as PyYAML's resolver matches them") {
  for (const char* yes : {"1.", "1.5", "-1.5", "+1_0.5_0", "1.5e+3", "1.e-3", ".5", ".5E+1",
                          "190:20:30.15", "1:5.", ".inf", "-.Inf", "+.INF", ".nan", ".NaN"})
    CHECK_MESSAGE(yaml11::isFloat(yes), yes);
  for (const char* no : {"", ".", "1", "1e5", "1.5e3", "1.5e+", "-.nan", "-.5", "+.5", "1:5",
                         ".inf1", "1.5.5", "e1"})
    CHECK_FALSE_MESSAGE(yaml11::isFloat(no), no);
}

TEST_CASE("YAML 1.1 booleans, nulls and dates are recognised") {
  CHECK(yaml11::isBool("yes"));
  CHECK(yaml11::isBool("OFF"));
  CHECK_FALSE(yaml11::isBool("y"));
  CHECK_FALSE(yaml11::isBool("oN"));
  CHECK(yaml11::isNull(""));
  CHECK(yaml11::isNull("~"));
  CHECK_FALSE(yaml11::isNull("none"));
  auto date = yaml11::asDate("2021-1-05");
  REQUIRE(date);
  CHECK(date->year == "2021");
  CHECK(date->month == "1");
  CHECK(date->day == "05");
  CHECK_FALSE(yaml11::asDate("2021-123-1"));
  CHECK_FALSE(yaml11::asDate("21-01-01"));
  CHECK_FALSE(yaml11::asDate("2021-01-01T00"));
}
