// Rendering and recovering fixture bundle parts for the inverse rendering tests.
#include "tests/unit/recovery_harness.h"

#include "ir/expr_text.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

namespace fs = std::filesystem;

namespace pm::test {

namespace {

const fs::path kFixtures = fs::path(PM_SOURCE_DIR) / "fixtures";

std::optional<jinja::Value> outputsFile(const std::string& path, ir::Diagnostics& diagnostics) {
  if (path.empty())
    return std::nullopt;
  auto outputs = frontend::readOutputsFile((kFixtures / path).string(), diagnostics);
  REQUIRE(outputs);
  return outputs;
}

YAML::Node originalInputs(const Recovery& run, const std::string& instance) {
  if (run.request.part == frontend::PartRole::Infrastructure)
    return run.spec->environmentInputs;
  if (run.request.part == frontend::PartRole::Pipeline)
    return run.spec->pipelineInputs;
  const frontend::ServiceInstanceSpec* found = run.spec->findInstance(instance);
  REQUIRE(found);
  return found->inputs;
}

} // namespace

void renderCase(const RecoveryCase& c, Recovery& run) {
  run.bundle = frontend::readBundle((kFixtures / c.bundle).string(), run.diagnostics);
  REQUIRE(run.bundle);
  run.spec = frontend::readSpec((kFixtures / c.spec).string(), run.diagnostics);
  REQUIRE(run.spec);
  run.request.part = c.part;
  run.request.spec = &*run.spec;
  run.request.instance = c.instance;
  if (auto outputs = outputsFile(c.environmentOutputs, run.diagnostics))
    run.request.environmentOutputs = *outputs;
  run.request.componentOutputs = outputsFile(c.componentOutputs, run.diagnostics);
  if (c.part == frontend::PartRole::Pipeline)
    run.request.instanceOutputs = frontend::literalInstanceOutputs(*run.bundle, run.request);
  auto text = frontend::renderAndCheck(*run.bundle, run.request, run.diagnostics);
  REQUIRE(text);
  run.deployed = *text;
}

void recover(Recovery& run, const std::string& deployed) {
  auto module = frontend::readCloudFormation("deployed.yaml", deployed, run.diagnostics);
  REQUIRE(module);
  frontend::RenderRequest request;
  request.part = run.request.part;
  request.environmentOutputs = run.request.environmentOutputs;
  request.componentOutputs = run.request.componentOutputs;
  // The deployment's names, as the stack's aws:proton:* tags tell them (`--context`).
  if (request.part == frontend::PartRole::Instance)
    if (const frontend::ServiceInstanceSpec* instance =
            run.spec->findInstance(run.request.instance)) {
      request.overrides.push_back({"service_instance.name", instance->name});
      request.overrides.push_back({"environment.name", instance->environment});
    }
  // A pipeline's deployed template does not tell the service's instances: the spec gives them.
  if (request.part == frontend::PartRole::Pipeline) {
    request.spec = run.request.spec;
    request.instanceOutputs = run.request.instanceOutputs;
  }
  run.recovered = frontend::recoverSpec(*run.bundle, request, *module, run.diagnostics);
  REQUIRE(run.recovered);
}

std::string normalized(const YAML::Node& node) {
  if (node.IsSequence()) {
    std::string joined;
    for (const auto& item : node)
      joined += normalized(item) + ",";
    return joined;
  }
  std::string text = node.as<std::string>();
  return text == "True" || text == "False" ? (text == "True" ? "true" : "false") : text;
}

YAML::Node inputsOf(const YAML::Node& document, frontend::PartRole part) {
  if (part == frontend::PartRole::Infrastructure)
    return document["spec"];
  if (part == frontend::PartRole::Pipeline)
    return document["pipeline"];
  return document["instances"][0]["spec"];
}

bool reportedUnrecoverable(const Recovery& run, const std::string& name) {
  for (const auto& diagnostic : run.diagnostics.all())
    if (diagnostic.message.find("input " + name + " could not be recovered") != std::string::npos)
      return true;
  return false;
}

bool equalsDefault(const frontend::RecoveredSpec& recovered, const std::string& name,
                   const std::string& value) {
  for (const ir::Input& input : recovered.declared)
    if (input.name == name && input.defaultValue) {
      YAML::Node node = YAML::Load(ir::exprText(input.defaultValue));
      return normalized(node) == value;
    }
  return false;
}

void checkRoundTrip(const RecoveryCase& c, const std::set<std::string>& lost) {
  Recovery run;
  renderCase(c, run);
  recover(run, run.deployed);
  CAPTURE(c.bundle);
  CAPTURE(c.instance);
  std::ostringstream printed;
  run.diagnostics.print(printed);
  CAPTURE(printed.str());
  if (lost.empty())
    CHECK(run.recovered->drift == 0);
  std::string text = frontend::writeRecoveredSpec(*run.recovered, "instance", "env");
  CAPTURE(text);
  YAML::Node recovered = inputsOf(YAML::Load(text), c.part);
  for (const auto& entry : originalInputs(run, c.instance)) {
    std::string name = entry.first.as<std::string>();
    CAPTURE(name);
    if (lost.count(name))
      continue;
    if (recovered[name])
      CHECK(normalized(recovered[name]) == normalized(entry.second));
    else if (!reportedUnrecoverable(run, name))
      CHECK(equalsDefault(*run.recovered, name, normalized(entry.second)));
  }
}

} // namespace pm::test
