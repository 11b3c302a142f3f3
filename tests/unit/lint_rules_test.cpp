// The lint rules, data-driven: every folder tests/lint/<RULE>/ holds a `bad` case the rule must
// fire on (at each location its `expect` file lists, "path:line:col" relative to the case) and
// a `good` case it must not fire on. A case is a template.yaml, a bundle folder, or the bundles
// its `paths` file lists (linted together). tests/lint-suppressions/<form>/ holds a template
// whose finding of the rule named in its `rule` file is suppressed.
#include "ir/passes/lint/rule_catalog.h"
#include "tools/proton-migrate/lint_findings.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

namespace fs = std::filesystem;
using namespace pm;

namespace {

const fs::path kCases = fs::path(PM_SOURCE_DIR) / "tests" / "lint";
const fs::path kSuppressions = fs::path(PM_SOURCE_DIR) / "tests" / "lint-suppressions";

std::vector<std::string> lines(const fs::path& file) {
  std::vector<std::string> found;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);)
    if (!line.empty())
      found.push_back(line);
  return found;
}

std::vector<std::string> casePaths(const fs::path& folder) {
  if (fs::exists(folder / "paths")) {
    std::vector<std::string> paths;
    for (const std::string& relative : lines(folder / "paths"))
      paths.push_back((folder / relative).string());
    return paths;
  }
  if (fs::exists(folder / "template.yaml"))
    return {(folder / "template.yaml").string()};
  return {folder.string()};
}

driver::LintOutcome lintCase(const fs::path& folder) {
  driver::po::variables_map none;
  return driver::lintBundles(casePaths(folder), none, {});
}

std::vector<const ir::Diagnostic*> findingsOf(const driver::LintOutcome& outcome,
                                              const std::string& rule) {
  std::vector<const ir::Diagnostic*> found;
  for (const ir::Diagnostic& finding : outcome.findings)
    if (finding.ruleId == rule)
      found.push_back(&finding);
  return found;
}

std::string located(const fs::path& folder, const ir::Diagnostic& finding) {
  std::string file = fs::relative(finding.location.file.str(), folder).generic_string();
  return file + ":" + std::to_string(finding.location.line) + ":" +
         std::to_string(finding.location.column);
}

std::vector<fs::path> ruleFolders() {
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(kCases))
    if (entry.is_directory())
      folders.push_back(entry.path());
  std::sort(folders.begin(), folders.end());
  return folders;
}

void checkBad(const fs::path& folder, const std::string& rule) {
  driver::LintOutcome outcome = lintCase(folder);
  CHECK_FALSE(outcome.inputError);
  auto found = findingsOf(outcome, rule);
  CHECK_MESSAGE(!found.empty(), rule << " does not fire on " << folder.string());
  std::set<std::string> locations;
  for (const ir::Diagnostic* finding : found)
    locations.insert(located(folder, *finding));
  for (const std::string& expected : lines(folder / "expect"))
    CHECK_MESSAGE(locations.contains(expected), rule << " not reported at " << expected);
}

void checkGood(const fs::path& folder, const std::string& rule) {
  driver::LintOutcome outcome = lintCase(folder);
  CHECK_FALSE(outcome.inputError);
  for (const ir::Diagnostic* finding : findingsOf(outcome, rule))
    FAIL_CHECK(rule << " fires on the clean case: " << located(folder, *finding) << ": "
                    << finding->message);
}

} // namespace

TEST_CASE(
    "lint: each rule fires on its bad case, at the expected place, and not on its good case") {
  std::vector<fs::path> folders = ruleFolders();
  REQUIRE(folders.size() >= 15);
  for (const fs::path& folder : folders) {
    std::string rule = folder.filename().string();
    INFO("rule " << rule);
    REQUIRE(ir::lint::findRule(rule) != nullptr);
    checkBad(folder / "bad", rule);
    checkGood(folder / "good", rule);
  }
}

TEST_CASE("lint: every starred rule has fixtures") {
  for (const ir::lint::RuleInfo& rule : ir::lint::ruleCatalog())
    if (rule.starred)
      CHECK_MESSAGE(fs::exists(kCases / std::string(rule.id) / "bad"),
                    rule.id << " has no fixture");
}

TEST_CASE("lint: suppressions in each supported form silence the finding") {
  for (const auto& entry : fs::directory_iterator(kSuppressions)) {
    std::string rule = lines(entry.path() / "rule").at(0);
    INFO("suppression form " << entry.path().filename().string());
    driver::LintOutcome outcome = lintCase(entry.path());
    CHECK_FALSE(outcome.inputError);
    CHECK(findingsOf(outcome, rule).empty());
    CHECK(outcome.suppressed > 0);
  }
}

TEST_CASE("lint: the catalog holds the 66 rules of the catalog document and MIG023") {
  const auto& rules = ir::lint::ruleCatalog();
  CHECK(rules.size() == 67);
  CHECK(std::count_if(rules.begin(), rules.end(), [](const auto& rule) { return rule.starred; }) ==
        15);
  CHECK(ir::lint::findRule("SEC002")->anchor() == "lint.md#sec002");
}

TEST_CASE("lint: a value is evaluated over its domain (default, enum members, guard branches)") {
  const fs::path domain = fs::path(PM_SOURCE_DIR) / "tests" / "lint-domain";
  auto only = [](const driver::LintOutcome& outcome, const std::string& rule) {
    auto found = findingsOf(outcome, rule);
    REQUIRE(found.size() == 1);
    return *found.front();
  };
  ir::Diagnostic byDefault = only(lintCase(domain / "default"), "MIG012");
  CHECK(byDefault.severity == ir::Severity::Error);
  CHECK(byDefault.message.find("the default of input 'runtime'") != std::string::npos);
  ir::Diagnostic byEnum = only(lintCase(domain / "enum-member"), "MIG012");
  CHECK(byEnum.severity == ir::Severity::Warning); // one level lower
  CHECK(byEnum.message.find("input 'runtime' permits it") != std::string::npos);
  ir::Diagnostic byGuard = only(lintCase(domain / "guarded"), "SEC002");
  CHECK(byGuard.severity == ir::Severity::Warning);
  CHECK(byGuard.message.find("only when the Jinja condition") != std::string::npos);
}

TEST_CASE("lint: a suppression without a reason suppresses, and is itself a warning") {
  fs::path folder = fs::path(PM_SOURCE_DIR) / "tests" / "lint-domain" / "unreasoned-suppression";
  driver::LintOutcome outcome = lintCase(folder);
  auto found = findingsOf(outcome, "SEC002");
  REQUIRE(found.size() == 1);
  CHECK(found.front()->severity == ir::Severity::Warning);
  CHECK(found.front()->message.find("without a reason") != std::string::npos);
  CHECK(outcome.suppressed == 1);
}
