// `proton-migrate check`: up-to-date generated code passes; a hand edit and a template change
// are caught with a unified diff.
#include "tests/unit/process_runner.h"
#include "tests/unit/temp_tree.h"

#include <doctest/doctest.h>

#include <filesystem>

namespace fs = std::filesystem;

namespace {

pm::test::ProcessResult proton(std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), PM_BINARY);
  return pm::test::runProcess(arguments, PM_SOURCE_DIR);
}

// A copy of a fixture bundle the test may edit.
std::string copyOfFixture(const pm::test::TempTree& work, const std::string& name) {
  fs::copy(std::string(PM_SOURCE_DIR) + "/fixtures/" + name, work.path(name),
           fs::copy_options::recursive);
  return work.path(name);
}

} // namespace

TEST_CASE("check passes on fresh output and shows a hand edit as a unified diff") {
  pm::test::TempTree work;
  std::string bundle = copyOfFixture(work, "env-vpc-cfn");
  std::string out = work.path("generated");
  REQUIRE(proton({"convert", bundle, "--to", "terraform", "-o", out}).exitCode == 0);
  auto fresh = proton({"check", bundle, "--to", "terraform", "-o", out});
  INFO(fresh.err);
  CHECK(fresh.exitCode == 0);
  CHECK(fresh.out.empty());

  std::string edited = pm::test::readFile(out + "/modules/env_vpc_cfn/main.tf");
  edited.insert(0, "# hand edit\n");
  work.write("generated/modules/env_vpc_cfn/main.tf", edited);
  auto stale = proton({"check", bundle, "--to", "terraform", "-o", out});
  CHECK(stale.exitCode == 1);
  CHECK(stale.out.find("--- " + out +
                       "/modules/env_vpc_cfn/main.tf\n"
                       "+++ regenerated/modules/env_vpc_cfn/main.tf\n@@ -1,4 +1,3 @@\n"
                       "-# hand edit\n") == 0);
}

TEST_CASE("check reports a changed template as stale") {
  pm::test::TempTree work;
  std::string bundle = copyOfFixture(work, "env-vpc-cfn");
  std::string out = work.path("generated");
  REQUIRE(proton({"convert", bundle, "--to", "cdk", "-o", out}).exitCode == 0);
  std::string templatePath = bundle + "/infrastructure/cloudformation.yaml";
  std::string text = pm::test::readFile(templatePath);
  std::size_t outputs = text.find("\nOutputs:");
  REQUIRE(outputs != std::string::npos);
  text.insert(outputs + 1, "  ExtraTopic:\n    Type: AWS::SNS::Topic\n");
  work.write("env-vpc-cfn/infrastructure/cloudformation.yaml", text);
  auto stale = proton({"check", bundle, "--to", "cdk", "-o", out});
  INFO(stale.err);
  CHECK(stale.exitCode == 1);
  CHECK(stale.out.find("+++ regenerated/.proton-migrate.json") != std::string::npos);
  CHECK(stale.out.find("ExtraTopic") != std::string::npos);
}

TEST_CASE("convert refuses to replace a folder it did not write, unless --force") {
  pm::test::TempTree work;
  std::string bundle = std::string(PM_SOURCE_DIR) + "/fixtures/env-vpc-cfn";
  work.write("mine/notes.txt", "keep me\n");
  auto refused = proton({"convert", bundle, "--to", "terraform", "-o", work.path("mine")});
  CHECK(refused.exitCode == 2);
  CHECK(refused.err.find("--force") != std::string::npos);
  CHECK(fs::exists(work.path("mine/notes.txt")));
  CHECK(proton({"convert", bundle, "--to", "terraform", "-o", work.path("mine"), "--force"})
            .exitCode == 0);
  CHECK(fs::exists(work.path("mine/.proton-migrate.json")));
  auto again =
      proton({"convert", bundle, "--to", "terraform", "-o", work.path("mine"), "--incremental"});
  CHECK(again.exitCode == 0);
  CHECK(again.err.find("up to date") != std::string::npos);
}

TEST_CASE("check ignores what tools leave beside generated code, not what is generated") {
  pm::test::TempTree work;
  std::string bundle = std::string(PM_SOURCE_DIR) + "/fixtures/env-vpc-cfn";
  std::string out = work.path("app");
  REQUIRE(proton({"convert", bundle, "--to", "cdk", "-o", out}).exitCode == 0);
  work.write("app/node_modules/aws-cdk-lib/package.json", "{}\n");
  work.write("app/cdk.out/manifest.json", "{}\n");
  work.write("app/package-lock.json", "{}\n");
  CHECK(proton({"check", bundle, "--to", "cdk", "-o", out}).exitCode == 0);
  work.write("app/notes.md", "mine\n");
  auto stale = proton({"check", bundle, "--to", "cdk", "-o", out});
  CHECK(stale.exitCode == 1);
  CHECK(stale.out.find("--- " + out + "/notes.md\n+++ /dev/null\n") == 0);
}
