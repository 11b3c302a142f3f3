// Where errors are reported (rule, line, column), source registration and the render limits
// that keep hostile templates bounded.
#include "frontend/jinja/jinja.h"

#include <doctest/doctest.h>

#include <string>

using namespace pm;

namespace {

struct Outcome {
  std::optional<std::string> output;
  ir::Diagnostics diagnostics;

  const ir::Diagnostic& error() const { return diagnostics.all().at(0); }
  std::string where() const {
    return error().ruleId + " " + std::to_string(error().location.line) + ":" +
           std::to_string(error().location.column);
  }
};

Outcome renderWith(const std::string& text, const jinja::RenderLimits& limits = {}) {
  jinja::ValueDict context;
  jinja::ValueDict inputs;
  inputs.set("name", jinja::Value("api"));
  context.set("service", jinja::Value::dict(inputs));
  context.set("items", jinja::Value::list({jinja::Value(1), jinja::Value(2)}));
  Outcome outcome;
  outcome.output = jinja::render("bundle/cloudformation.yaml", text, jinja::Value::dict(context),
                                 outcome.diagnostics, limits);
  return outcome;
}

} // namespace

TEST_CASE("Text after an unclosed tag is read as part of the tag, as Jinja does") {
  Outcome outcome = renderWith("Name: x\nPort: {% if service.name == 'a' \nrest");
  CHECK(outcome.where() == "PRS002 3:1");
  CHECK(outcome.error().message == "expected token 'end of statement block', got 'rest'");
}

TEST_CASE("A syntax error is reported as PRS002 at the offending token") {
  Outcome outcome = renderWith("Name: x\nPort: {% if service.name == 'a' ");
  CHECK_FALSE(outcome.output);
  CHECK(outcome.where() == "PRS002 2:33");
  CHECK(outcome.error().message ==
        "unexpected end of template, expected 'end of statement block'.");
  CHECK(outcome.error().location.file == "bundle/cloudformation.yaml");
}

TEST_CASE("An unknown end tag names the tag Jinja was looking for at its position") {
  Outcome outcome = renderWith("{% for x in items %}\n  {% endfoo %}\n{% endfor %}");
  CHECK(outcome.where() == "PRS002 2:6");
  CHECK(outcome.error().message ==
        "Encountered unknown tag 'endfoo'. Jinja was looking for the following tags: 'endfor' "
        "or 'else'. The innermost block that needs to be closed is 'for'.");
}

TEST_CASE("A syntax error in an unreached branch still fails the whole template") {
  Outcome outcome = renderWith("{% if false %}{{ 1 + }}{% endif %}");
  CHECK(outcome.where() == "PRS002 1:22");
  CHECK(outcome.error().message == "unexpected 'end of print statement'");
}

TEST_CASE("An undefined name is reported as PRS003 where it is looked up") {
  Outcome outcome = renderWith("a: 1\nb: {{ 'x' ~ servce.name }}");
  CHECK_FALSE(outcome.output);
  CHECK(outcome.where() == "PRS003 2:13");
  CHECK(outcome.error().message == "'servce' is undefined");
}

TEST_CASE("A missing key is reported at the start of the attribute chain") {
  Outcome outcome = renderWith("x\n  port: {{ service.port }}");
  CHECK(outcome.where() == "PRS003 2:12");
  CHECK(outcome.error().message == "'dict object' has no attribute 'port'");
}

TEST_CASE("Tags Proton bundles cannot use are reported by name") {
  Outcome include = renderWith("a\n  {% include 'other.yaml' %}");
  CHECK(include.where() == "PRS002 2:6");
  CHECK(include.error().message ==
        "'include' is not supported: Proton bundles hold one template file");
  for (const char* tag : {"macro m()", "call m()", "extends 'x'", "block b", "import 'x' as y"}) {
    Outcome outcome = renderWith(std::string("{% ") + tag + " %}");
    CHECK(outcome.error().ruleId == "PRS002");
    CHECK(outcome.error().message.find("is not supported") != std::string::npos);
  }
}

TEST_CASE("The template text is registered so the driver can print the source line") {
  Outcome outcome = renderWith("{{ missing }}");
  REQUIRE(outcome.diagnostics.sourceText("bundle/cloudformation.yaml"));
  CHECK(*outcome.diagnostics.sourceText("bundle/cloudformation.yaml") == "{{ missing }}");
}

TEST_CASE("A single trailing newline is dropped and line endings become newlines") {
  CHECK(renderWith("a\n").output == "a");
  CHECK(renderWith("a\n\n").output == "a\n");
  CHECK(renderWith("a\r\n").output == "a");
  CHECK(renderWith("a\r\nb\rc").output == "a\nb\nc");
  CHECK(renderWith("\n").output == "");
}

TEST_CASE("Loop iterations beyond the limit are a render error") {
  jinja::RenderLimits limits;
  limits.maxLoopIterations = 10;
  Outcome outcome = renderWith("{% for i in range(100) %}{{ i }}{% endfor %}", limits);
  CHECK_FALSE(outcome.output);
  CHECK(outcome.where() == "PRS003 1:4");
  CHECK(outcome.error().message.find("loop iterations") != std::string::npos);
}

TEST_CASE("Output beyond the size limit is a render error") {
  jinja::RenderLimits limits;
  limits.maxOutputBytes = 100;
  Outcome outcome = renderWith("{% for i in range(1000) %}0123456789{% endfor %}", limits);
  CHECK(outcome.error().ruleId == "PRS003");
  CHECK(outcome.error().message.find("maxOutputBytes") != std::string::npos);
}

TEST_CASE("Deeply nested expressions and blocks are rejected without exhausting the stack") {
  std::string parens = "{{ " + std::string(100000, '(') + "1" + std::string(100000, ')') + " }}";
  CHECK(renderWith(parens).error().ruleId == "PRS002");
  std::string ifs;
  for (int i = 0; i < 5000; ++i)
    ifs += "{% if true %}";
  CHECK(renderWith(ifs).error().ruleId == "PRS002");
  std::string filters = "{{ 1";
  for (int i = 0; i < 50000; ++i)
    filters += "|abs";
  CHECK_FALSE(renderWith(filters + " }}").output);
}

TEST_CASE("Long operator, filter and elif chains are bounded or kept flat") {
  std::string plus = "{{ 1";
  for (int i = 0; i < 100000; ++i)
    plus += " + 1";
  CHECK(renderWith(plus + " }}").error().ruleId == "PRS002");
  std::string concat = "{{ 'a'";
  for (int i = 0; i < 3000; ++i)
    concat += " ~ 'a'";
  CHECK(renderWith(concat + " }}").output->size() == 3001);
  std::string elifs = "{% if false %}";
  for (int i = 0; i < 20000; ++i)
    elifs += "{% elif false %}";
  CHECK(renderWith(elifs + "{% else %}ok{% endif %}").output == "ok");
}

TEST_CASE("Namespace values cannot grow without bound or contain themselves") {
  Outcome deep = renderWith("{% set ns = namespace(x=1) %}{% for i in range(1000) %}"
                            "{% set ns.x = [ns.x] %}{% endfor %}");
  CHECK(deep.error().ruleId == "PRS003");
  Outcome cycle = renderWith("{% set ns = namespace() %}{% set ns.me = [ns] %}{{ ns }}");
  CHECK(cycle.where() == "PRS003 1:34");
}

TEST_CASE("Huge string repetition is refused instead of exhausting memory") {
  Outcome outcome = renderWith("{{ 'x' * 100000000000 }}");
  CHECK(outcome.error().ruleId == "PRS003");
}

TEST_CASE("Dunder attributes are never reachable") {
  Outcome outcome = renderWith("{{ service.__class__ }}");
  CHECK(outcome.error().message == "'dict object' has no attribute '__class__'");
  CHECK(renderWith("{{ 'x'.__len__ is defined }}").output == "False");
}

TEST_CASE("A context that is not a mapping is refused") {
  ir::Diagnostics diagnostics;
  CHECK_FALSE(jinja::render("t.j2", "x", jinja::Value(1), diagnostics));
  CHECK(diagnostics.all().at(0).ruleId == "PRS003");
}
