// `proton-migrate diff` on template version pairs, against reviewed goldens under
// tests/golden/diff/ (regenerate with the command in each case and read the diff).
#include "tests/unit/process_runner.h"

#include <doctest/doctest.h>

namespace {

const std::string kPair = "fixtures/template-versions/orders-env";

pm::test::ProcessResult diffVersions(const std::string& format) {
  return pm::test::runProcess({PM_BINARY, "diff", kPair + "/v1", kPair + "/v2", "--format", format,
                               "--spec", kPair + "/specs/orders-dev.yaml"},
                              PM_SOURCE_DIR);
}

} // namespace

TEST_CASE("diff reports a breaking input change, a replacing property change and a removed "
          "output in every format as the goldens say") {
  for (const char* format : {"text", "md", "json"}) {
    CAPTURE(format);
    pm::test::ProcessResult result = diffVersions(format);
    INFO(result.err);
    CHECK(result.exitCode == 1); // the versions differ
    CHECK(result.out == pm::test::readFile(std::string(PM_SOURCE_DIR) +
                                           "/tests/golden/diff/orders-env." + format));
  }
}

TEST_CASE("diff --consumers names the bundles that read a removed environment output") {
  pm::test::ProcessResult result =
      pm::test::runProcess({PM_BINARY, "diff", kPair + "/v1", kPair + "/v2", "--format", "md",
                            "--consumers", "fixtures/template-versions"},
                           PM_SOURCE_DIR);
  INFO(result.err);
  CHECK(result.out == pm::test::readFile(std::string(PM_SOURCE_DIR) +
                                         "/tests/golden/diff/orders-env-consumers.md"));
}

TEST_CASE("diff of a version with itself finds nothing and exits 0") {
  pm::test::ProcessResult result = pm::test::runProcess(
      {PM_BINARY, "diff", kPair + "/v1", kPair + "/v1", "--format", "text"}, PM_SOURCE_DIR);
  CHECK(result.exitCode == 0);
  CHECK(result.out == kPair + "/v1 -> " + kPair + "/v1: no model changes\n");
}

TEST_CASE("diff --fail-on breaking fails on breaking changes, --fail-on never does not fail") {
  pm::test::ProcessResult breaking = pm::test::runProcess(
      {PM_BINARY, "diff", kPair + "/v1", kPair + "/v2", "--fail-on", "breaking"}, PM_SOURCE_DIR);
  CHECK(breaking.exitCode == 1);
  pm::test::ProcessResult never = pm::test::runProcess(
      {PM_BINARY, "diff", kPair + "/v1", kPair + "/v2", "--fail-on", "never"}, PM_SOURCE_DIR);
  CHECK(never.exitCode == 0);
}
