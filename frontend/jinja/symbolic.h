// Symbolic values for parametric mode (DESIGN.md "Two conversion modes, one engine"): a value
// that stands for a Proton input, context value or upstream output. It keeps its concrete value,
// so every construct that cannot carry a symbol renders concretely and is reported.
#pragma once

#include "frontend/jinja/template_error.h"
#include "frontend/jinja/value.h"

#include <memory>
#include <string>
#include <vector>

namespace pm::jinja {

// A piece of a symbolic string: literal text, or a reference to the value at `path`
// ("service_instance.inputs.port", "environment.outputs.VpcId", "service.name").
struct SymbolicPart {
  std::string text; // literal text; empty for a reference
  std::string path; // empty for literal text
  Value value;      // a reference's concrete value
  bool isReference() const { return !path.empty(); }
};

// One reference, or a `~` concatenation of literal text and references.
struct Symbolic {
  std::vector<SymbolicPart> parts;
};

// A printed reference: `token` replaced `{{ }}`'s output in the rendered text.
struct Sentinel {
  std::string token; // __pm7_<n>__: cannot occur in a template, plain-scalar safe in YAML
  std::string path;
  Value value;       // the concrete value, printed where the token cannot be lifted
  Position position; // of the printed expression
};

// A construct that inspected a symbolic value and so rendered with its concrete value.
struct SymbolicFallback {
  Position position;
  std::string construct; // short kind for counting: "if", "comparison", "filter 'lower'"
  std::string path;      // the first symbolic value it used
};

struct SymbolicRender {
  std::string text;
  std::vector<Sentinel> sentinels; // in print order
  std::vector<SymbolicFallback> fallbacks;
};

// `value` (concrete, without symbols) standing for the value at `path`.
Value symbolicReference(const std::string& path, const Value& value);

// True when `value` or anything inside it (list items, dict keys and values) is symbolic.
bool containsSymbolic(const Value& value);
// The first symbolic path inside `value`, for reports; empty when there is none.
std::string firstSymbolicPath(const Value& value);
// `value` with every symbol dropped: the concrete value. Shares what holds no symbol.
Value withoutSymbols(const Value& value);

// Collects what a symbolic render produced; the evaluator reports into it.
class SymbolicRecorder {
public:
  // Text that prints `value` (symbolic) with each reference as a fresh sentinel token.
  std::string print(const Value& value, Position position);
  void fallback(Position position, std::string construct, const Value& used);
  SymbolicRender finish(std::string text);

private:
  std::vector<Sentinel> sentinels_;
  std::vector<SymbolicFallback> fallbacks_;
};

} // namespace pm::jinja
