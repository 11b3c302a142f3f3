// The render command end to end, in process: parts the reference renderer cannot render
// (components), -o output, and what a failed render leaves behind.
#include "temp_tree.h"
#include "tools/proton-migrate/main_program.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

std::string fixture(const std::string& relative) {
  return std::string(PM_SOURCE_DIR) + "/fixtures/" + relative;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int run(const std::vector<std::string>& arguments, std::string& out, std::string& err) {
  std::ostringstream outStream, errStream;
  int code = pm::driver::runProgram(arguments, outStream, errStream);
  out = outStream.str();
  err = errStream.str();
  return code;
}

} // namespace

TEST_CASE("an attached component renders with its instance's inputs and the component name") {
  std::string out, err;
  int code = run({"render", fixture("component-s3-queue"), "--spec",
                  fixture("component-s3-queue/spec/spec.yaml"), "--context", "service.name=svc1"},
                 out, err);
  CHECK_MESSAGE(code == 0, err);
  CHECK(out == readFile(fixture("component-s3-queue/expected/render-component.yaml")));
}

TEST_CASE("render -o writes one file per instance and the pipeline, and replaces old output") {
  pm::test::TempTree tree;
  std::string target = tree.path("rendered");
  tree.write("rendered/stale.yaml", "old");
  std::string out, err;
  int code = run(
      {"render", fixture("svc-ecs-pipeline"), "--spec", fixture("svc-ecs-pipeline/spec/spec.yaml"),
       "--env-outputs", fixture("svc-ecs-pipeline/spec/env-outputs.yaml"), "--context",
       "service.name=svc1", "--context", "environment.account_id=123456789012", "-o", target},
      out, err);
  CHECK_MESSAGE(code == 0, err);
  CHECK_FALSE(std::filesystem::exists(target + "/stale.yaml"));
  CHECK(readFile(target + "/instance-orders-dev.yaml") ==
        readFile(fixture("svc-ecs-pipeline/expected/render-instance-orders-dev.yaml")));
  CHECK(readFile(target + "/pipeline.yaml") ==
        readFile(fixture("svc-ecs-pipeline/expected/render-pipeline.yaml")));
}

TEST_CASE("a failed render -o leaves the previous output untouched") {
  pm::test::TempTree tree;
  std::string target = tree.path("rendered");
  tree.write("rendered/previous.yaml", "kept");
  std::string out, err;
  int code =
      run({"render", fixture("svc-ecs-pipeline"), "--instance", "no-such-instance", "-o", target},
          out, err);
  CHECK(code == 3);
  CHECK(readFile(target + "/previous.yaml") == "kept");
  CHECK(std::distance(std::filesystem::directory_iterator(tree.path()),
                      std::filesystem::directory_iterator()) == 1);
}
