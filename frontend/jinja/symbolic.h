// Symbolic values for parametric mode (DESIGN.md "Two conversion modes, one engine"): a value
// that stands for a Proton input, context value or upstream output. It keeps its concrete value,
// so every construct that cannot carry a symbol renders concretely and is reported.
#pragma once

#include "frontend/jinja/template_error.h"
#include "frontend/jinja/value.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
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

// A test on symbolic values that a Jinja `if` can become a guard on (ir/guard.h).
struct SymbolicCondition {
  enum class Kind {
    Truth,   // Python truth of the reference at `path`
    Equals,  // the reference at `path` == `literal`
    Defined, // the reference at `path` has a value
    Not,     // operands[0]
    And,     // operands
    Or,      // operands
  };
  Kind kind = Kind::Truth;
  std::string path;
  Value literal;
  std::vector<std::shared_ptr<const SymbolicCondition>> operands;

  // A canonical text: equal texts are the same condition ("a.b == 'x'", "not (...)").
  std::string text() const;
  std::string firstPath() const;
};
using ConditionPtr = std::shared_ptr<const SymbolicCondition>;

// One reference, or a `~` concatenation of literal text and references; or, for a boolean
// computed from references, the condition it stands for (no parts).
struct Symbolic {
  std::vector<SymbolicPart> parts;
  ConditionPtr condition;
};

// The condition a value used as a test stands for: its own, or the truth of a lone reference.
// Null when the value is concrete or a concatenation.
ConditionPtr conditionOf(const Value& value);
// `concrete` (the value Python computes) standing for `condition`.
Value conditionValue(const Value& concrete, ConditionPtr condition);
// True when `value` is a reference or concatenation (text), not a condition.
bool isSymbolicText(const Value& value);

// The conditions of the tests a guard can hold; null when the operands do not fit (then the
// construct renders concretely and is reported). `left op right` for ==, != and `in` a literal
// list; `not`; `and`/`or` of two tests; `is defined`/`is undefined`.
ConditionPtr comparisonCondition(const std::string& op, const Value& left, const Value& right);
ConditionPtr negatedCondition(const Value& operand);
ConditionPtr combinedCondition(const std::string& op, const Value& left, const Value& right);
ConditionPtr testCondition(const std::string& test, const Value& operand);

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

// A `for` over a symbolic list: it renders its body once, for a symbolic element (references
// under kLoopPathPrefix + variable, and "loop.index" and the other counters), or not at all;
// the two renders differ by exactly what one element adds, which becomes a loop of the model.
struct LoopSite {
  std::string variable;   // the loop variable ("service_instance")
  std::string collection; // the symbolic path iterated ("service_instances")
};
inline constexpr std::string_view kLoopPathPrefix = "for:";

// An `if`, `elif` or inline `if` whose test is a condition on symbolic values; or a `for` over a
// symbolic list (`loop` set, no condition), whose branch is "the body rendered once".
struct GuardSite {
  std::string key; // the condition's text: every site with the same key is one guard
  ConditionPtr condition;
  Position position;
  bool value = false; // the branch this render took
  std::optional<LoopSite> loop;
};

// The branch to take for each guard key; keys not listed take their concrete value.
using GuardChoices = std::map<std::string, bool>;

struct SymbolicRender {
  std::string text;
  std::vector<Sentinel> sentinels; // in print order
  std::vector<SymbolicFallback> fallbacks;
  std::vector<GuardSite> guards; // each key once, in order of first use
};

// `value` (concrete, without symbols) standing for the value at `path`.
Value symbolicReference(const std::string& path, const Value& value);

// True when `value` or anything inside it (list items, dict keys and values) is symbolic.
bool containsSymbolic(const Value& value);
// The first symbolic path inside `value`, for reports; empty when there is none.
std::string firstSymbolicPath(const Value& value);
// `value` with every symbol dropped: the concrete value. Shares what holds no symbol.
Value withoutSymbols(const Value& value);

// `value` with every leaf (string, number, boolean) a reference to kLoopPathPrefix + `path`
// + its keys: the symbolic element of a loop, shaped like the concrete element `value`.
Value symbolicLoopElement(const std::string& path, const Value& value);

// Collects what a symbolic render produced; the evaluator reports into it.
class SymbolicRecorder {
public:
  // `concreteLoops`: keys of loop sites rendered with their concrete elements (their lifting
  // failed; the reader reports why).
  explicit SymbolicRecorder(GuardChoices choices = {}, std::set<std::string> concreteLoops = {})
      : choices_(std::move(choices)), concreteLoops_(std::move(concreteLoops)) {}
  // The branch a guard site takes: the forced choice for its key, else `concrete`.
  bool decide(const ConditionPtr& condition, bool concrete, Position position);
  // Whether a loop site renders its body for one symbolic element (true) or not at all (the
  // default); nothing when the loop is to render concretely.
  std::optional<bool> decideLoop(const LoopSite& loop, Position position);
  // Text that prints `value` (symbolic) with each reference as a fresh sentinel token.
  std::string print(const Value& value, Position position);
  void fallback(Position position, std::string construct, const Value& used);
  SymbolicRender finish(std::string text);

private:
  std::vector<Sentinel> sentinels_;
  std::vector<SymbolicFallback> fallbacks_;
  GuardChoices choices_;
  std::set<std::string> concreteLoops_;
  std::vector<GuardSite> guards_;
  void record(GuardSite site);
};

} // namespace pm::jinja
