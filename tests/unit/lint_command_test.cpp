// `proton-migrate lint` as a black box: exit codes by --fail-on, the four formats, input errors,
// and `convert` printing the same findings without failing by default.
#include "tests/unit/process_runner.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

namespace fs = std::filesystem;
using pm::test::runProcess;

namespace {

const fs::path kSource = PM_SOURCE_DIR;
// SEC002 (an error) and warnings such as TAG001.
const std::string kOpenGroup = (kSource / "tests/lint/SEC002/bad/template.yaml").string();
// Warnings (REL004, TAG001) and no error.
const std::string kService = (kSource / "tests/lint/REL004/bad/template.yaml").string();

pm::test::ProcessResult lint(std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), {PM_BINARY, "lint"});
  return runProcess(arguments, kSource);
}

} // namespace

TEST_CASE("lint command: --fail-on decides the exit code") {
  CHECK(lint({kOpenGroup}).exitCode == 1); // default: error
  CHECK(lint({kOpenGroup, "--fail-on", "never"}).exitCode == 0);
  CHECK(lint({kService}).exitCode == 0);
  CHECK(lint({kService, "--fail-on", "warning"}).exitCode == 1);
  CHECK(lint({kService, "--fail-on", "sometimes"}).exitCode == 2);
}

TEST_CASE("lint command: an input error exits 3") {
  auto result = lint({(kSource / "tests/lint/does-not-exist.yaml").string()});
  CHECK(result.exitCode == 3);
  CHECK(result.err.find("error:") != std::string::npos);
}

TEST_CASE("lint command: text is Clang style, JSON and Markdown summarize, SARIF names the rules") {
  auto text = lint({kOpenGroup, "--fail-on", "never"});
  CHECK(text.out.find("template.yaml:11:19: error: security group 'TaskGroup' is open to the "
                      "internet") != std::string::npos);
  CHECK(text.out.find("          CidrIp: 0.0.0.0/0\n                  ^\n") != std::string::npos);
  auto json = lint({kOpenGroup, "--format", "json", "--fail-on", "never"});
  CHECK(json.out.find("\"rule\": \"SEC002\"") != std::string::npos);
  CHECK(json.out.find("\"byRule\"") != std::string::npos);
  auto markdown = lint({kOpenGroup, "--format", "markdown", "--fail-on", "never"});
  CHECK(markdown.out.find("| [SEC002](docs/lint.md#sec002) |") != std::string::npos);
  CHECK(markdown.out.find("### error") != std::string::npos);
  auto sarif = lint({kOpenGroup, "--format", "sarif", "--fail-on", "never"});
  CHECK(sarif.out.find("\"version\": \"2.1.0\"") != std::string::npos);
  CHECK(sarif.out.find("\"helpUri\": \"docs/lint.md#sec002\"") != std::string::npos);
  CHECK(sarif.out.find("\"partialFingerprints\"") != std::string::npos);
}

TEST_CASE("convert prints lint findings and fails a bundle only when --fail-on asks") {
  // From the build folder, where a build finds its data tables (the Terraform mappings).
  fs::path build = fs::path(PM_BINARY).parent_path();
  fs::path out = fs::temp_directory_path() / "pm-lint-convert-test";
  fs::remove_all(out);
  auto converted = runProcess(
      {PM_BINARY, "convert", kOpenGroup, "--to", "terraform", "-o", out.string()}, build);
  CHECK(converted.exitCode == 0);
  CHECK(converted.err.find("[SEC002]") != std::string::npos);
  CHECK(fs::exists(out));
  fs::remove_all(out);
  auto stopped = runProcess({PM_BINARY, "convert", kOpenGroup, "--to", "terraform", "--fail-on",
                             "error", "-o", out.string()},
                            build);
  CHECK(stopped.exitCode == 1);
  fs::remove_all(out);
}
