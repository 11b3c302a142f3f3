// The batch job's model memo: built once per key, its diagnostics handed to every caller, and
// built again when the caller does not stand where the first one did.
#include "tools/proton-migrate/model_cache.h"

#include <doctest/doctest.h>

using pm::driver::ModelBuild;
using pm::driver::ModelCache;

namespace {

// A build that reports one warning and counts how often it ran.
std::function<void(ModelBuild&)> countingBuild(int& builds) {
  return [&builds](ModelBuild& build) {
    ++builds;
    build.model.emplace();
    build.model->bundleName = "svc";
    build.diagnostics.warning("MIG008", {"t.yaml", 3, 1}, "lifted by rendering");
  };
}

} // namespace

TEST_CASE("A model is built once per key and each caller gets the build's diagnostics") {
  ModelCache cache;
  int builds = 0;
  pm::ir::Diagnostics loaded; // what reading the bundle reported, the same for every target
  loaded.warning("PRS001", {"schema.yaml", 1, 1}, "schema note");
  for (int target = 0; target < 3; ++target) {
    pm::ir::Diagnostics diagnostics = loaded;
    const ModelBuild& build = cache.get("bundle\nparametric", diagnostics, countingBuild(builds));
    diagnostics.append(build.diagnostics, build.firstReported);
    REQUIRE(diagnostics.all().size() == 2);
    CHECK(diagnostics.all()[0].ruleId == "PRS001");
    CHECK(diagnostics.all()[1].ruleId == "MIG008");
    CHECK(build.model->bundleName == "svc");
  }
  CHECK(builds == 1);
  cache.get("other\nparametric", loaded, countingBuild(builds));
  CHECK(builds == 2);
}

TEST_CASE("A caller holding other diagnostics than the first gets a build of its own") {
  ModelCache cache;
  int builds = 0;
  pm::ir::Diagnostics none;
  cache.get("bundle\nparametric", none, countingBuild(builds));
  pm::ir::Diagnostics some;
  some.warning("PRS001", {"schema.yaml", 1, 1}, "schema note");
  const ModelBuild& again = cache.get("bundle\nparametric", some, countingBuild(builds));
  CHECK(builds == 2);
  CHECK(again.firstReported == 1);
}
