// buildSystemModel and specsForBundles: environment and service templates converted together.
#include "frontend/bundle/bundle.h"
#include "ir/passes/bind_upstream_outputs.h"
#include "tools/proton-migrate/system_model.h"
#include "tools/proton-migrate/template_inputs.h"

#include <doctest/doctest.h>

#include <deque>
#include <filesystem>

namespace fs = std::filesystem;
using namespace pm;

namespace {

const fs::path kFixtures = fs::path(PM_SOURCE_DIR) / "fixtures";

struct System {
  ir::Diagnostics diagnostics;
  std::deque<driver::LoadedBundle> loaded; // requests point into the elements
  std::optional<backends::ConversionModel> model;
};

// Each bundle with its spec ("" for none), converted together in parametric mode.
std::unique_ptr<System> build(const std::vector<std::pair<std::string, std::string>>& bundles) {
  auto system = std::make_unique<System>();
  std::vector<const driver::LoadedBundle*> given;
  for (const auto& [path, spec] : bundles) {
    auto bundle = frontend::readBundle((kFixtures / path).string(), system->diagnostics);
    REQUIRE(bundle);
    driver::TemplateInputFiles files;
    if (!spec.empty())
      files.spec = (kFixtures / spec).string();
    auto inputs = driver::loadTemplateInputs(files, *bundle, system->diagnostics);
    REQUIRE(inputs);
    system->loaded.push_back({std::move(*bundle), std::move(*inputs)});
    given.push_back(&system->loaded.back());
  }
  system->model =
      driver::buildSystemModel(given, backends::ConversionMode::Parametric, system->diagnostics);
  return system;
}

const backends::Deployment* deployment(const backends::ConversionModel& model,
                                       const std::string& name) {
  for (const backends::Deployment& found : model.deployments)
    if (found.name == name)
      return &found;
  return nullptr;
}

std::string linkedEnvironment(const backends::ConversionModel& model, const std::string& name) {
  const backends::Deployment* found = deployment(model, name);
  REQUIRE(found);
  return found->environment ? found->environment->module + "/" + found->environment->name : "";
}

bool reported(const ir::Diagnostics& diagnostics, const std::string& rule) {
  for (const ir::Diagnostic& diagnostic : diagnostics.all())
    if (diagnostic.ruleId == rule)
      return true;
  return false;
}

} // namespace

TEST_CASE("an environment is deployed as the environments its services name, and wired to them") {
  auto system = build(
      {{"samples-2021/queue-fanout/service", "samples-2021/queue-fanout/specs/svc-spec.yaml"},
       {"samples-2021/queue-fanout/environment", "samples-2021/queue-fanout/specs/env-spec.yaml"}});
  REQUIRE(system->model);
  CHECK_FALSE(system->diagnostics.hasErrors());
  const backends::ConversionModel& model = *system->model;
  REQUIRE_FALSE(model.deployments.empty());
  CHECK(model.deployments.front().name == "fanout-beta"); // environments first
  CHECK(model.deployments.front().bundle == "environment");
  CHECK(linkedEnvironment(model, "billing-beta") == "environment/fanout-beta");
  CHECK(linkedEnvironment(model, "shipping-beta") == "environment/fanout-beta");
  CHECK(linkedEnvironment(model, "pipeline").empty()); // reads no environment output
  bool bound = false;
  for (const ir::UpstreamBinding& binding : model.passes.bindings.bindings)
    for (const ir::OutputProducer& producer : binding.producers)
      bound = bound || (producer.module == "environment" && producer.output == "TopicArn");
  CHECK(bound);
}

TEST_CASE("each instance is wired to the environment it is deployed in") {
  auto system =
      build({{"template-repo/shared-env/v1", "template-repo/shared-env/v1/spec/spec.yaml"},
             {"template-repo/api-svc/v1", "template-repo/api-svc/v1/spec/spec.yaml"}});
  REQUIRE(system->model);
  const backends::ConversionModel& model = *system->model;
  CHECK(deployment(model, "dev"));
  CHECK(deployment(model, "prod"));
  CHECK(linkedEnvironment(model, "api-dev") == "shared-env/dev");
  CHECK(linkedEnvironment(model, "api-prod") == "shared-env/prod");
}

TEST_CASE("a service is wired only to environment templates its registration lists") {
  // cron-svc lists shared-env:1 only.
  auto system =
      build({{"template-repo/shared-env/v2", "template-repo/shared-env/v2/spec/spec.yaml"},
             {"template-repo/cron-svc/v1", "template-repo/cron-svc/v1/spec/spec.yaml"}});
  REQUIRE(system->model);
  const backends::ConversionModel& model = *system->model;
  CHECK(model.deployments.front().name == "env"); // not named after cron-svc's environments
  for (const backends::Deployment& found : model.deployments)
    CHECK_FALSE(found.environment);
}

TEST_CASE("two bundles of one name cannot be converted together") {
  auto system =
      build({{"template-repo/shared-env/v1", "template-repo/shared-env/v1/spec/spec.yaml"},
             {"template-repo/shared-env/v2", "template-repo/shared-env/v2/spec/spec.yaml"}});
  CHECK_FALSE(system->model);
  CHECK(reported(system->diagnostics, "PRS006"));
}

TEST_CASE("specs go to the bundles of their kind, in order") {
  ir::Diagnostics diagnostics;
  auto environment = frontend::readBundle(
      (kFixtures / "samples-2021/queue-fanout/environment").string(), diagnostics);
  auto service =
      frontend::readBundle((kFixtures / "samples-2021/queue-fanout/service").string(), diagnostics);
  REQUIRE(environment);
  REQUIRE(service);
  std::string envSpec = (kFixtures / "samples-2021/queue-fanout/specs/env-spec.yaml").string();
  std::string svcSpec = (kFixtures / "samples-2021/queue-fanout/specs/svc-spec.yaml").string();
  auto chosen =
      driver::specsForBundles({&*service, &*environment}, {envSpec, svcSpec}, diagnostics);
  REQUIRE(chosen);
  CHECK((*chosen)[0] == svcSpec);
  CHECK((*chosen)[1] == envSpec);

  SUBCASE("a count that does not pair up is an error") {
    ir::Diagnostics mismatch;
    CHECK_FALSE(driver::specsForBundles({&*service, &*environment}, {svcSpec, svcSpec}, mismatch));
    CHECK(reported(mismatch, "PRS010"));
  }
}
