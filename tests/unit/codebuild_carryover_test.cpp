// CodeBuild bundles are carried over by convert: the proton-inputs.json of each instance of the
// spec, buildspecs and a workflow running the bundle's commands.
#include "tests/unit/process_runner.h"
#include "tests/unit/temp_tree.h"

#include <doctest/doctest.h>

#include <filesystem>

TEST_CASE("convert carries a CodeBuild service over with one inputs file per instance") {
  pm::test::TempTree work;
  std::string bundle = std::string(PM_SOURCE_DIR) + "/fixtures/svc-codebuild";
  auto result =
      pm::test::runProcess({PM_BINARY, "convert", bundle, "--spec", bundle + "/spec/spec.yaml",
                            "--to", "cdk", "-o", work.path("out")},
                           PM_SOURCE_DIR);
  INFO(result.err);
  REQUIRE(result.exitCode == 0);
  CHECK(result.err.find("[CBD001]") != std::string::npos);
  std::string part = work.path("out/instance_infrastructure/");
  CHECK(std::filesystem::exists(part + "deploy.py"));
  std::string prod = pm::test::readFile(part + "inputs/worker-prod/proton-inputs.json");
  CHECK(prod.find("\"replicas\": 3") != std::string::npos);
  CHECK(prod.find("\"name\": \"worker-prod\"") != std::string::npos);
  std::string dev = pm::test::readFile(part + "inputs/worker-dev/proton-inputs.json");
  CHECK(dev.find("\"replicas\": 1") != std::string::npos); // the schema default
  std::string buildspec = pm::test::readFile(part + "buildspec-deprovision.yml");
  CHECK(buildspec.find("PROTON_INSTANCE: \"worker-dev\"") != std::string::npos);
  CHECK(buildspec.find("      - \"python3 deploy.py down proton-inputs.json\"\n") !=
        std::string::npos);
  std::string workflow =
      pm::test::readFile(work.path("out/.github/workflows/svc-codebuild-instance.yml"));
  CHECK(workflow.find("actions/setup-python@v5") != std::string::npos);
  CHECK(workflow.find("          # aws proton notify-resource-deployment-status-change") !=
        std::string::npos);
}
