// Jinja evaluator: the text rendered with a fixed Proton-like context, concretely and
// symbolically (parametric mode), the second time with every guard flipped. Small limits keep a
// template from running long; exceeding them is a PRS003, as every other render error.
#include "tests/fuzz/fuzz_entry_points.h"
#include "tests/fuzz/fuzz_input.h"

#include "frontend/jinja/jinja.h"

namespace pm::fuzz {

namespace {

using jinja::Value;
using jinja::ValueDict;

// Inputs of every type a schema allows, with a nested list of maps for loops.
ValueDict inputValues() {
  ValueDict subnet;
  subnet.set("cidr", Value("10.0.0.0/24"));
  subnet.set("public", Value(true));
  ValueDict inputs;
  inputs.set("name", Value("web"));
  inputs.set("port", Value(8080));
  inputs.set("ratio", Value(0.5));
  inputs.set("enabled", Value(false));
  inputs.set("tags", Value::list({Value("a"), Value("b")}));
  inputs.set("subnets", Value::list({Value::dict(subnet), Value::dict(subnet)}));
  inputs.set("empty", Value(""));
  inputs.set("nothing", Value::none());
  return inputs;
}

Value section(const std::string& name, Value inputs) {
  ValueDict dict;
  dict.set("name", Value(name));
  dict.set("inputs", std::move(inputs));
  ValueDict outputs;
  outputs.set("VpcId", Value("vpc-123"));
  dict.set("outputs", Value::dict(outputs));
  return Value::dict(dict);
}

// The context Proton gives a service instance; `symbolic` turns every input into a reference.
Value protonContext(bool symbolic) {
  Value inputs = Value::dict(inputValues());
  Value instanceInputs =
      symbolic ? jinja::symbolicReference("service_instance.inputs", inputs) : inputs;
  ValueDict context;
  context.set("environment", section("env", inputs));
  context.set("service", section("svc", Value::dict()));
  context.set("service_instance", section("inst", instanceInputs));
  context.set("service_instances",
              Value::list({section("inst", instanceInputs), section("other", inputs)}));
  return Value::dict(context);
}

jinja::RenderLimits smallLimits() {
  jinja::RenderLimits limits;
  limits.maxRecursionDepth = 40;
  limits.maxLoopIterations = 10'000;
  limits.maxOutputBytes = 1u << 20;
  return limits;
}

} // namespace

int jinjaRenderFuzz(const std::uint8_t* data, std::size_t size) {
  static const Value concrete = protonContext(false);
  static const Value symbolic = protonContext(true);
  std::string text = textOf(data, size);
  ir::Diagnostics diagnostics;
  (void)jinja::render("fuzz.j2", text, concrete, diagnostics, smallLimits());
  auto rendered = jinja::renderSymbolic("fuzz.j2", text, symbolic, diagnostics, smallLimits());
  if (rendered && !rendered->guards.empty()) {
    jinja::GuardChoices flipped;
    for (const jinja::GuardSite& guard : rendered->guards)
      flipped[guard.key] = !guard.value;
    (void)jinja::renderSymbolic("fuzz.j2", text, symbolic, diagnostics, smallLimits(), flipped);
  }
  checkDiagnostics(diagnostics);
  return 0;
}

} // namespace pm::fuzz
