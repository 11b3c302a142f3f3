// Symbolic values in the Jinja engine (parametric mode): sentinels for printed references,
// `~` and `default` keep them, every other construct falls back to the concrete value.
#include "frontend/jinja/jinja.h"
#include "frontend/jinja/symbolic.h"

#include <doctest/doctest.h>

using namespace pm;
using jinja::Value;

namespace {

Value inputsContext() {
  jinja::ValueDict inputs;
  inputs.set("port", jinja::symbolicReference("service_instance.inputs.port", Value(8080)));
  inputs.set("name", jinja::symbolicReference("service_instance.inputs.name", Value("api")));
  inputs.set("public", jinja::symbolicReference("service_instance.inputs.public", Value(true)));
  jinja::ValueDict instance;
  instance.set("inputs", Value::dict(inputs));
  jinja::ValueDict context;
  context.set("service_instance", Value::dict(instance));
  return Value::dict(context);
}

jinja::SymbolicRender renderText(const std::string& text) {
  ir::Diagnostics diagnostics;
  auto result = jinja::renderSymbolic("t.yaml", text, inputsContext(), diagnostics);
  REQUIRE(result);
  return *result;
}

} // namespace

TEST_CASE("printing a symbolic input emits a sentinel token and records what it stands for") {
  auto result = renderText("Port: {{ service_instance.inputs.port }}\n");
  CHECK(result.text == "Port: __pm7_1__");
  REQUIRE(result.sentinels.size() == 1);
  CHECK(result.sentinels[0].path == "service_instance.inputs.port");
  CHECK(result.sentinels[0].value == Value(8080));
  CHECK(result.sentinels[0].position.line == 1);
  CHECK(result.fallbacks.empty());
}

TEST_CASE("tilde concatenation of symbolic values stays symbolic, part by part") {
  auto result = renderText("{{ 'x-' ~ service_instance.inputs.name ~ '-' ~ "
                           "service_instance.inputs.port }}");
  CHECK(result.text == "x-__pm7_1__-__pm7_2__");
  REQUIRE(result.sentinels.size() == 2);
  CHECK(result.sentinels[1].path == "service_instance.inputs.port");
  CHECK(result.fallbacks.empty());
}

TEST_CASE("default on a defined symbolic value keeps the symbol") {
  auto result = renderText("{{ service_instance.inputs.name | default('z') }}");
  CHECK(result.text == "__pm7_1__");
  CHECK(result.fallbacks.empty());
}

TEST_CASE("an if on a symbolic input is a guard site whose branch the choices pick") {
  auto result = renderText("{% if service_instance.inputs.public %}yes{% else %}no{% endif %}");
  CHECK(result.text == "yes");
  CHECK(result.fallbacks.empty());
  REQUIRE(result.guards.size() == 1);
  CHECK(result.guards[0].key == "service_instance.inputs.public");
  CHECK(result.guards[0].value);
  ir::Diagnostics diagnostics;
  auto flipped = jinja::renderSymbolic(
      "t.yaml", "{% if service_instance.inputs.public %}yes{% else %}no{% endif %}",
      inputsContext(), diagnostics, {}, {{"service_instance.inputs.public", false}});
  REQUIRE(flipped);
  CHECK(flipped->text == "no");
}

TEST_CASE("comparisons, tests and logic on symbolic values become one guard condition") {
  auto result = renderText(
      "{% if service_instance.inputs.name == 'api' and not service_instance.inputs.public %}a"
      "{% elif service_instance.inputs.port in [80, 443] %}b"
      "{% elif service_instance.inputs.name is defined %}c{% endif %}");
  CHECK(result.text == "c");
  CHECK(result.fallbacks.empty());
  REQUIRE(result.guards.size() == 3);
  CHECK(result.guards[0].key ==
        "(service_instance.inputs.name == 'api') and (not (service_instance.inputs.public))");
  CHECK(!result.guards[0].value);
  CHECK(result.guards[1].key ==
        "(service_instance.inputs.port == 80) or (service_instance.inputs.port == 443)");
  CHECK(result.guards[2].key == "service_instance.inputs.name is defined");
  CHECK(result.guards[2].value);
}

TEST_CASE("a test the model cannot hold falls back to the concrete branch") {
  auto result = renderText("{% if service_instance.inputs.port > 1000 %}big{% endif %}");
  CHECK(result.text == "big");
  CHECK(result.guards.empty());
  REQUIRE(result.fallbacks.size() == 1);
  CHECK(result.fallbacks[0].construct == "comparison");
}

TEST_CASE("filters, comparisons and arithmetic on symbolic values fall back and print values") {
  auto result = renderText("{{ service_instance.inputs.name | upper }} "
                           "{{ service_instance.inputs.port + 1 }} "
                           "{{ service_instance.inputs.port == 8080 }}");
  CHECK(result.text == "API 8081 True");
  CHECK(result.sentinels.empty());
  REQUIRE(result.fallbacks.size() == 3);
  CHECK(result.fallbacks[0].construct == "filter 'upper'");
  CHECK(result.fallbacks[1].construct == "operator +");
  CHECK(result.fallbacks[2].construct == "print"); // the comparison itself is a condition
}

TEST_CASE("a symbolic value printed inside a set block renders concretely") {
  auto result = renderText("{% set x %}{{ service_instance.inputs.name }}{% endset %}{{ x }}");
  CHECK(result.text == "api");
  REQUIRE(result.fallbacks.size() == 1);
  CHECK(result.fallbacks[0].construct == "print inside a set or filter block");
}

TEST_CASE("a symbolic render of a context without symbols equals the plain render") {
  ir::Diagnostics diagnostics;
  jinja::ValueDict context;
  context.set("a", Value(3));
  std::string text = "{% for i in range(a) %}{{ i ~ '-' }}{% endfor %}{{ 'x' | upper }}";
  auto plain = jinja::render("t", text, Value::dict(context), diagnostics);
  auto symbolic = jinja::renderSymbolic("t", text, Value::dict(context), diagnostics);
  REQUIRE(plain);
  REQUIRE(symbolic);
  CHECK(symbolic->text == *plain);
  CHECK(symbolic->sentinels.empty());
}
