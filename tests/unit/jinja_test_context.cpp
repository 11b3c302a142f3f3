// Shared helpers of the jinja_* tests: the context every expected output was computed with
// (in Python: Jinja2 3.1.6, StrictUndefined, tools/proton-render.py's filters and re-indent).
#include "jinja_test_context.h"

#include "frontend/jinja/jinja.h"

#include <string>

namespace pm::jinja::testing {

Value testContext() {
  ValueDict d;
  d.set("a", Value(1));
  d.set("items", Value(5));
  d.set("b", Value("x y"));
  ValueDict env;
  env.set("A", Value("1"));
  env.set("B", Value("hello world"));
  env.set("C", Value(3));
  auto user = [](const char* name, int age) {
    ValueDict u;
    u.set("name", Value(name));
    u.set("age", Value(age));
    return Value::dict(u);
  };
  ValueDict context;
  context.set("d", Value::dict(d));
  context.set("s", Value("x=y"));
  context.set("l", Value::list({Value(1), Value(2), Value(3)}));
  context.set("n", Value::none());
  context.set("f", Value(1.5));
  context.set("e", Value::dict());
  context.set("env", Value::dict(env));
  context.set("words", Value::list({Value("b"), Value("A"), Value("c"), Value("a")}));
  context.set("users", Value::list({user("bo", 3), user("al", 5)}));
  context.set("t", Value(true));
  context.set("u", Value("h\xc3\xa9llo"));
  return Value::dict(context);
}

// The rendered text, or "<error: message>" so a failing CHECK shows what went wrong.
std::string renderOk(const std::string& text) {
  ir::Diagnostics diagnostics;
  auto out = render("test.j2", text, testContext(), diagnostics);
  if (out)
    return *out;
  return "<error: " + (diagnostics.all().empty() ? std::string() : diagnostics.all()[0].message) +
         ">";
}

// "PRS002 <line>: message" for syntax errors (Jinja reports a line), "PRS003: message" for
// render errors (Jinja reports none).
std::string renderError(const std::string& text) {
  ir::Diagnostics diagnostics;
  auto out = render("test.j2", text, testContext(), diagnostics);
  if (out)
    return "<rendered: " + *out + ">";
  if (diagnostics.all().size() != 1)
    return "<" + std::to_string(diagnostics.all().size()) + " diagnostics>";
  const ir::Diagnostic& error = diagnostics.all()[0];
  if (error.ruleId == "PRS002")
    return "PRS002 " + std::to_string(error.location.line) + ": " + error.message;
  return error.ruleId + ": " + error.message;
}

} // namespace pm::jinja::testing
