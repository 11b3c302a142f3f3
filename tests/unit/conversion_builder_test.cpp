// buildConversionModel: how parts become modules and deployments in each mode.
#include "frontend/bundle/bundle.h"
#include "tools/proton-migrate/conversion_builder.h"
#include "tools/proton-migrate/template_inputs.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;
using namespace pm;

namespace {

const fs::path kFixtures = fs::path(PM_SOURCE_DIR) / "fixtures";

struct Built {
  ir::Diagnostics diagnostics;
  std::optional<backends::ConversionModel> model;
};

Built build(const std::string& bundlePath, const std::string& spec, const std::string& outputs) {
  Built built;
  auto bundle = frontend::readBundle((kFixtures / bundlePath).string(), built.diagnostics);
  REQUIRE(bundle);
  driver::TemplateInputFiles files;
  files.spec = (kFixtures / spec).string();
  files.environmentOutputs = (kFixtures / outputs).string();
  auto inputs = driver::loadTemplateInputs(files, *bundle, built.diagnostics);
  REQUIRE(inputs);
  built.model = driver::buildConversionModel(*bundle, *inputs, backends::ConversionMode::Parametric,
                                             built.diagnostics);
  REQUIRE(built.model);
  return built;
}

std::vector<std::string> deploymentModules(const backends::ConversionModel& model) {
  std::vector<std::string> modules;
  for (const backends::Deployment& deployment : model.deployments)
    modules.push_back(deployment.module);
  return modules;
}

} // namespace

TEST_CASE("parametric instances share one module when nothing of an instance is baked in") {
  Built built = build("template-repo/cron-svc/v1", "template-repo/cron-svc/v1/spec/spec.yaml",
                      "template-repo/cron-svc/v1/spec/env-outputs.yaml");
  CHECK(deploymentModules(*built.model) ==
        std::vector<std::string>{"cron-svc-instance", "cron-svc-instance", "cron-svc-pipeline"});
}

TEST_CASE("a parametric read that fell back to an instance's values gives each instance a module") {
  Built built =
      build("svc-sqs-json", "svc-sqs-json/spec/spec.yaml", "svc-sqs-json/spec/env-outputs.json");
  CHECK(deploymentModules(*built.model) ==
        std::vector<std::string>{"svc-sqs-json-instance-billing-dev",
                                 "svc-sqs-json-instance-billing-prod"});
  CHECK(built.model->modules.find("svc-sqs-json-instance-billing-dev"));
  CHECK(built.model->modules.find("svc-sqs-json-instance-billing-prod"));
  // A read repeats warnings (once per loop element, once per instance): each is reported once.
  const auto& all = built.diagnostics.all();
  for (const ir::Diagnostic& diagnostic : all)
    CHECK(std::count_if(all.begin(), all.end(), [&](const ir::Diagnostic& other) {
            return other.message == diagnostic.message && other.location == diagnostic.location;
          }) == 1);
}
