// `proton-migrate batch` over the fixtures: determinism across thread counts and runs, shards
// that merge into the whole, --fail-on, and the output folder markers.
#include "tests/unit/process_runner.h"
#include "tests/unit/temp_tree.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <map>

namespace fs = std::filesystem;

namespace {

const std::string kFixtures = std::string(PM_SOURCE_DIR) + "/fixtures";

pm::test::ProcessResult batch(const std::vector<std::string>& arguments) {
  std::vector<std::string> argv{PM_BINARY, "batch"};
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  return pm::test::runProcess(argv, PM_SOURCE_DIR, 600);
}

// Every generated file under `root`, by relative path; the reports (which hold timings) aside.
std::map<std::string, std::string> generatedFiles(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    std::string relative = fs::relative(entry.path(), root).generic_string();
    if (entry.is_regular_file() && !relative.starts_with("batch-report."))
      files[relative] = pm::test::readFile(entry.path());
  }
  return files;
}

std::size_t occurrences(const std::string& text, const std::string& word) {
  std::size_t count = 0;
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1))
    ++count;
  return count;
}

} // namespace

TEST_CASE("Batch output is byte-identical with one thread, two threads and across runs") {
  pm::test::TempTree work;
  std::vector<std::string> common{kFixtures, "--to", "terraform,cdk,servicecatalog", "--fail-on",
                                  "never"};
  auto run = [&](const std::string& out, const std::string& jobs) {
    std::vector<std::string> arguments = common;
    arguments.insert(arguments.end(), {"-o", work.path(out), "-j", jobs});
    pm::test::ProcessResult result = batch(arguments);
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
  };
  run("one", "1");
  run("two", "2");
  run("again", "2");
  auto one = generatedFiles(work.path("one"));
  CHECK(one.size() > 50);
  CHECK(one == generatedFiles(work.path("two")));
  CHECK(one == generatedFiles(work.path("again")));
}

TEST_CASE("Batch shards cover every bundle once and their JSON reports merge into the whole") {
  pm::test::TempTree work;
  auto whole = batch({kFixtures, "--to", "terraform", "-o", work.path("all"), "--report", "json",
                      "--fail-on", "never"});
  REQUIRE(whole.exitCode == 0);
  for (const char* shard : {"1/2", "2/2"})
    REQUIRE(batch({kFixtures, "--to", "terraform", "-o", work.path(std::string("s") + shard[0]),
                   "--shard", shard, "--report", "json", "--fail-on", "never"})
                .exitCode == 0);
  std::string merged = work.path("merged.json");
  auto merge =
      pm::test::runProcess({PM_BINARY, "report", "merge", work.path("s1/batch-report.json"),
                            work.path("s2/batch-report.json"), "-o", merged},
                           PM_SOURCE_DIR);
  INFO(merge.err);
  REQUIRE(merge.exitCode == 0);
  std::string all = pm::test::readFile(work.path("all/batch-report.json"));
  std::string joined = pm::test::readFile(merged);
  CHECK(occurrences(joined, "\"path\":") == occurrences(all, "\"path\":"));
  CHECK(occurrences(all, "\"path\":") > 10);
  // The same bundles in the same order: the paths appear in the same sequence.
  auto paths = [](const std::string& text) {
    std::string sequence;
    for (std::size_t at = text.find("\"path\": "); at != std::string::npos;
         at = text.find("\"path\": ", at + 1))
      sequence += text.substr(at, text.find('\n', at) - at);
    return sequence;
  };
  CHECK(paths(joined) == paths(all));
}

TEST_CASE("Batch exits 1 under --fail-on error when a bundle fails, 0 under never") {
  pm::test::TempTree work;
  work.write("repo/broken/schema/schema.yaml",
             "schema:\n  format:\n    openapi: \"3.0.0\"\n  environment_input_type: \"In\"\n"
             "  types:\n    In:\n      type: object\n      properties: {}\n");
  work.write("repo/broken/infrastructure/manifest.yaml",
             "infrastructure:\n  templates:\n    - file: \"cloudformation.yaml\"\n"
             "      rendering_engine: jinja\n      template_language: cloudformation\n");
  work.write("repo/broken/infrastructure/cloudformation.yaml", "Resources:\n{% if %}\n");
  std::string root = work.path("repo");
  CHECK(batch({root, "--to", "cdk", "-o", work.path("a")}).exitCode == 1);
  CHECK(batch({root, "--to", "cdk", "-o", work.path("b"), "--fail-on", "never"}).exitCode == 0);
}

TEST_CASE("A Terraform-written bundle is not for the cdk target: reported, not failed") {
  pm::test::TempTree work;
  auto run =
      batch({kFixtures + "/env-terraform", "--to", "cdk", "-o", work.path("a"), "--report", "md"});
  CHECK(run.exitCode == 0);
  CHECK(pm::test::readFile(work.path("a/batch-report.md")).find("not-for-target") !=
        std::string::npos);
  CHECK(batch({kFixtures + "/env-terraform", "--to", "terraform", "-o", work.path("c")}).exitCode ==
        0);
}

TEST_CASE("Batch refuses a folder it did not write, unless --force, and skips unchanged bundles") {
  pm::test::TempTree work;
  std::string root = kFixtures + "/env-vpc-cfn";
  work.write("out/terraform/env-vpc-cfn/notes.txt", "mine\n");
  auto refused = batch({root, "--to", "terraform", "-o", work.path("out"), "--report", "md"});
  CHECK(refused.exitCode == 1);
  CHECK(pm::test::readFile(work.path("out/batch-report.md")).find("| refused |") !=
        std::string::npos);
  CHECK(fs::exists(work.path("out/terraform/env-vpc-cfn/notes.txt")));
  // Lint findings (TAG001 errors on untagged data stores) are not this test's business.
  REQUIRE(
      batch({root, "--to", "terraform", "-o", work.path("out"), "--force", "--fail-on", "never"})
          .exitCode == 0);
  CHECK_FALSE(fs::exists(work.path("out/terraform/env-vpc-cfn/notes.txt")));
  CHECK(fs::exists(work.path("out/terraform/env-vpc-cfn/.proton-migrate.json")));
  auto again = batch(
      {root, "--to", "terraform", "-o", work.path("out"), "--incremental", "--fail-on", "never"});
  CHECK(again.exitCode == 0);
  CHECK(again.err.find("unchanged") != std::string::npos);
}

TEST_CASE("batch --check passes on fresh output and prints a diff for a hand-edited file") {
  pm::test::TempTree work;
  std::string root = kFixtures + "/template-repo";
  REQUIRE(batch({root, "--to", "cdk", "-o", work.path("out"), "--fail-on", "never"}).exitCode == 0);
  auto fresh = batch({root, "--to", "cdk", "-o", work.path("out"), "--check"});
  INFO(fresh.err);
  CHECK(fresh.exitCode == 0);
  CHECK(fresh.out.find("up-to-date") != std::string::npos);
  std::string file = "out/cdk/shared-env/v1/package.json";
  work.write(file, pm::test::readFile(work.path(file)) + "\n");
  auto stale = batch({root, "--to", "cdk", "-o", work.path("out"), "--check"});
  CHECK(stale.exitCode == 1);
  CHECK(stale.out.find("--- " + work.path(file)) != std::string::npos);
}

TEST_CASE("Batch exits 1 on a lint finding of severity error under the default --fail-on") {
  pm::test::TempTree work;
  // cron-svc's pipeline keeps sources in an untagged bucket: TAG001, an error for a data store.
  auto run = batch({kFixtures + "/template-repo", "--to", "cdk", "-o", work.path("out")});
  CHECK(run.exitCode == 1);
  CHECK(fs::exists(work.path("out/cdk/cron-svc/v1/package.json"))); // converted all the same
}

TEST_CASE("batch carries a CodeBuild bundle over: its files, inputs, buildspecs and a workflow") {
  pm::test::TempTree work;
  auto result = batch({kFixtures + "/env-codebuild", "--to", "terraform", "-o", work.path("out"),
                       "--report", "json"});
  INFO(result.err);
  REQUIRE(result.exitCode == 0);
  std::string part = work.path("out/terraform/env-codebuild/infrastructure/");
  CHECK(fs::exists(part + "package.json"));
  std::string inputs = pm::test::readFile(part + "inputs/default/proton-inputs.json");
  CHECK(inputs.find("\"vpc_cidr\": \"10.2.0.0/16\"") != std::string::npos);
  std::string buildspec = pm::test::readFile(part + "buildspec-provision.yml");
  CHECK(buildspec.find("      - \"npm ci\"\n") != std::string::npos);
  // Proton's API is gone: the call that reported outputs to it is kept, commented out.
  CHECK(buildspec.find("# Proton has reached end of support: - \"aws proton notify") !=
        std::string::npos);
  CHECK(fs::exists(
      work.path("out/terraform/env-codebuild/.github/workflows/env-codebuild-infrastructure.yml")));
  CHECK(pm::test::readFile(work.path("out/batch-report.json")).find("\"carried-over\"") !=
        std::string::npos);
}

TEST_CASE("A bundle's batch output is what convert writes: check with convert's options agrees") {
  // One batch job builds a bundle's model once for all its targets: each target's folder must
  // still be what a convert of that target alone writes, and a bundle convert fails on (the
  // shared environment has a resource Terraform cannot map) must be written by neither.
  pm::test::TempTree work;
  REQUIRE(batch({kFixtures + "/template-repo", "--to", "terraform,cdk,servicecatalog", "-o",
                 work.path("out"), "--fail-on", "never"})
              .exitCode == 0);
  int compared = 0;
  for (std::string target : {"terraform", "cdk", "servicecatalog"}) {
    for (std::string bundle : {"shared-env/v1", "shared-env/v2", "api-svc/v1", "cron-svc/v1"}) {
      std::string path = kFixtures + "/template-repo/" + bundle;
      std::string written = work.path("out/" + target + "/" + bundle);
      auto convert = pm::test::runProcess(
          {PM_BINARY, "convert", path, "--to", target, "-o", work.path("alone")}, PM_SOURCE_DIR);
      fs::remove_all(work.path("alone"));
      INFO(target << " " << bundle);
      if (convert.exitCode != 0) {
        CHECK_FALSE(fs::exists(written));
        continue;
      }
      auto check = pm::test::runProcess({PM_BINARY, "check", path, "--to", target, "-o", written},
                                        PM_SOURCE_DIR);
      INFO(check.out << check.err);
      CHECK(check.exitCode == 0);
      ++compared;
    }
  }
  CHECK(compared >= 10);
}
