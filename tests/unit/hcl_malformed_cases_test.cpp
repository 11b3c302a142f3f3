// The malformed HCL cases under tests/malformed/hcl-*: malformed_inputs_test runs them through
// `convert`; this test checks each case's expectation against the reader alone: the first
// diagnostic line, printed with paths as the case's command line gives them, must match the
// case's regex (a case not yet wired into convert keeps it in pending-case.txt).
#include "frontend/frontend.h"
#include "frontend/hcl/hcl.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> hclCases() {
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(fs::path(PM_SOURCE_DIR) / "tests" / "malformed"))
    if (entry.path().filename().string().starts_with("hcl-"))
      cases.push_back(entry.path());
  std::sort(cases.begin(), cases.end());
  return cases;
}

std::string expectationFile(const fs::path& folder) {
  return fs::exists(folder / "case.txt") ? "case.txt" : "pending-case.txt";
}

// The first printed diagnostic line for `bundle` read from inside `folder`.
std::string firstDiagnosticLine(const fs::path& folder) {
  pm::ir::Diagnostics diagnostics;
  std::string prefix = (folder / "").string();
  std::optional<pm::frontend::Bundle> bundle =
      pm::frontend::readBundle((folder / "bundle").string(), diagnostics);
  if (bundle)
    for (const pm::frontend::BundlePart& part : bundle->parts)
      pm::frontend::hcl::readTerraformPart(*bundle, part, diagnostics);
  std::ostringstream printed;
  diagnostics.print(printed);
  std::string line = printed.str().substr(0, printed.str().find('\n'));
  return line.starts_with(prefix) ? line.substr(prefix.size()) : line;
}

} // namespace

TEST_CASE("hcl: malformed HCL cases report the located syntax error they pin") {
  std::vector<fs::path> cases = hclCases();
  CHECK(cases.size() >= 5);
  for (const fs::path& folder : cases) {
    INFO("case: " << folder.filename().string());
    std::ifstream in(folder / expectationFile(folder));
    std::string arguments;
    std::string pattern;
    std::getline(in, arguments);
    std::getline(in, pattern);
    REQUIRE(!pattern.empty());
    std::string line = firstDiagnosticLine(folder);
    CHECK_MESSAGE(std::regex_search(line, std::regex(pattern, std::regex::ECMAScript)),
                  "\"" << line << "\" does not match /" << pattern << "/");
  }
}
