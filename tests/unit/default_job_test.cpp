// The default job (`proton-migrate` with no command) is the README's main command: every bundle
// under fixtures/ must render with the example values its spec/ or specs/ folder holds.
#include "tests/unit/process_runner.h"

#include <doctest/doctest.h>

#include <filesystem>

namespace fs = std::filesystem;

TEST_CASE("the default job renders every fixture bundle and writes out/") {
  // A copy of fixtures/, so the job's out/ folder never lands in the source tree.
  pm::test::TemporaryDirectory work;
  REQUIRE(!work.path().empty());
  fs::copy(fs::path(PM_SOURCE_DIR) / "fixtures", work.path() / "fixtures",
           fs::copy_options::recursive);

  pm::test::ProcessResult result = pm::test::runProcess({PM_BINARY}, work.path());
  INFO(result.out);
  INFO(result.err);
  CHECK(result.exitCode == 0);
  CHECK(result.out.find("FAILED") == std::string::npos);
  CHECK(result.out.find(" bundles processed, ") != std::string::npos);
  CHECK(fs::is_regular_file(work.path() / "out/render/template-versions/orders-env/v2/"
                                          "infrastructure.yaml"));
}

TEST_CASE("the default job writes nothing when one fixture bundle fails") {
  pm::test::TemporaryDirectory work;
  REQUIRE(!work.path().empty());
  fs::copy(fs::path(PM_SOURCE_DIR) / "fixtures/template-versions", work.path() / "fixtures",
           fs::copy_options::recursive);
  fs::remove_all(work.path() / "fixtures/orders-env/v2/spec"); // v2 requires cost_center

  pm::test::ProcessResult result = pm::test::runProcess({PM_BINARY}, work.path());
  CHECK(result.exitCode == 3);
  CHECK(result.out.find("fixtures/orders-env/v2: FAILED") != std::string::npos);
  CHECK(result.out.find("1 of 3 bundles failed; nothing written") != std::string::npos);
  CHECK(result.err.find("cost_center") != std::string::npos);
  CHECK(!fs::exists(work.path() / "out"));
}
