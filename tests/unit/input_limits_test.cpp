// Bounds on hostile input added for issue 10: UTF-8 validation, one loop budget across the
// renders of a parametric part, repetition that would overflow, yaml-cpp's nesting bound worded,
// the trial bound of the recover-spec search.
#include "frontend/jinja/jinja.h"
#include "frontend/parametric/fallback_search.h"
#include "frontend/text_lines.h"
#include "frontend/yaml/yaml_file.h"

#include <doctest/doctest.h>

#include <string>
#include <utility>

using namespace pm;

namespace {

std::optional<std::string> renderText(const std::string& text, ir::Diagnostics& diagnostics,
                                      const jinja::RenderLimits& limits = {}) {
  return jinja::render("t.yaml", text, jinja::Value::dict(jinja::ValueDict()), diagnostics, limits);
}

} // namespace

TEST_CASE("input limits: the first byte that is not UTF-8 is found by line and column") {
  using frontend::firstInvalidUtf8;
  CHECK_FALSE(firstInvalidUtf8("plain\nASCII\n"));
  CHECK_FALSE(firstInvalidUtf8("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"));
  CHECK(firstInvalidUtf8("a\nbc\xff") == std::pair{2, 3});
  CHECK(firstInvalidUtf8("\xc0\xaf") == std::pair{1, 1});         // overlong '/'
  CHECK(firstInvalidUtf8("x\xed\xa0\x80") == std::pair{1, 2});    // a surrogate
  CHECK(firstInvalidUtf8("\xf4\x90\x80\x80") == std::pair{1, 1}); // past U+10FFFF
  CHECK(firstInvalidUtf8("ok\xe2\x82") == std::pair{1, 3});       // cut short
}

TEST_CASE("input limits: a template that is not UTF-8 is refused where the bad byte is") {
  ir::Diagnostics diagnostics;
  CHECK_FALSE(renderText("Resources:\n  Name: caf\xe9\n", diagnostics));
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].ruleId == "PRS002");
  CHECK(diagnostics.all()[0].location.str() == "t.yaml:2:12");
}

TEST_CASE("input limits: YAML files that are not UTF-8 are refused with PRS001") {
  ir::Diagnostics diagnostics;
  CHECK_FALSE(frontend::loadYamlDocument("spec.yaml", "spec:\n  name: \xff\xfe\n", diagnostics));
  CHECK(diagnostics.all().at(0).ruleId == "PRS001");
  CHECK(diagnostics.all().at(0).location.str() == "spec.yaml:2:9");
}

TEST_CASE("input limits: yaml-cpp's nesting bound is reported as nesting, not a bad file") {
  ir::Diagnostics diagnostics;
  std::string deep = "a: " + std::string(5000, '[') + std::string(5000, ']') + "\n";
  CHECK_FALSE(frontend::loadYamlDocument("deep.yaml", deep, diagnostics));
  CHECK(diagnostics.all().at(0).message.find("nesting is deeper") != std::string::npos);
}

TEST_CASE("input limits: a shared loop budget counts the iterations of several renders") {
  std::int64_t spent = 0;
  jinja::RenderLimits limits;
  limits.maxLoopIterations = 25;
  limits.sharedIterations = &spent;
  ir::Diagnostics first, second;
  CHECK(renderText("{% for i in range(20) %}{% endfor %}", first, limits));
  CHECK(spent == 20);
  CHECK_FALSE(renderText("{% for i in range(20) %}{% endfor %}", second, limits));
  CHECK(second.all().at(0).message.find("loop iterations") != std::string::npos);
}

TEST_CASE("input limits: a repetition whose size would wrap around is refused") {
  ir::Diagnostics diagnostics;
  CHECK_FALSE(renderText("{{ 'abcdefgh' * 2305843009213693952 }}", diagnostics));
  CHECK(diagnostics.all().at(0).message.find("too large") != std::string::npos);
  ir::Diagnostics lists;
  CHECK_FALSE(renderText("{{ ([1, 2] * 9223372036854775807) | length }}", lists));
  CHECK(lists.all().at(0).message.find("too large") != std::string::npos);
}

TEST_CASE(
    "input limits: the fallback search of recover-spec stops after a fixed number of trials") {
  frontend::RecoveredSpec recovered;
  recovered.drift = 1; // something to improve, so every input is searched
  for (const char* name : {"tier", "size", "zone"}) {
    ir::Input input;
    input.name = name;
    for (int member = 0; member < 400; ++member)
      input.allowedValues.push_back(ir::Expr::string("v" + std::to_string(member), {}));
    recovered.declared.push_back(std::move(input));
  }
  int calls = 0;
  frontend::TrialMatch trial = [&](const frontend::RecoveredSpec& seed) {
    ++calls;
    return std::optional(seed); // never better: the search tries every candidate it may
  };
  frontend::RecoveredSpec searched = frontend::searchFallbackInputs(recovered, trial, {});
  CHECK(calls == frontend::kMaxFallbackTrials);
  CHECK(searched.searchStopped);
}

TEST_CASE("input limits: a YAML document is bounded as a whole, aliases expanded") {
  // An alias used twenty times stays far below the bound.
  std::string text = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: [";
  for (int i = 0; i < 20; ++i)
    text += i ? ", *a" : "*a";
  text += "]\n";
  ir::Diagnostics fine;
  CHECK(frontend::loadYamlDocument("fine.yaml", text, fine));
  CHECK_FALSE(fine.hasErrors());

  // Each reference expands to 111,111 nodes; ten of them pass the bound of 1,000,000.
  std::string laughs = "l0: &l0 x\n";
  for (int level = 1; level <= 5; ++level) {
    laughs += "l" + std::to_string(level) + ": &l" + std::to_string(level) + " [";
    for (int i = 0; i < 10; ++i)
      laughs += (i ? ", *l" : "*l") + std::to_string(level - 1);
    laughs += "]\n";
  }
  for (int i = 0; i < 10; ++i)
    laughs += "d" + std::to_string(i) + ": *l5\n";
  ir::Diagnostics refused;
  CHECK_FALSE(frontend::loadYamlDocument("fan-out.yaml", laughs, refused));
  CHECK(refused.all().at(0).ruleId == "PRS001");
  CHECK(refused.all().at(0).message.find("aliases expand") != std::string::npos);
}
