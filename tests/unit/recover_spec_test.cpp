// Inverse rendering: a spec rendered and then recovered from the rendered template comes back
// (modulo schema defaults), and hand edits of the deployed template are MIG023 drift.
#include "tests/unit/recovery_harness.h"
#include "tests/unit/temp_tree.h"
#include "tests/unit/tsv_fields.h"
#include "tools/proton-migrate/main_program.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using namespace pm;
using namespace pm::test;

namespace {

const fs::path kFixtures = fs::path(PM_SOURCE_DIR) / "fixtures";

std::string replaceOnce(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

const RecoveryCase kService{"svc-ecs-pipeline",
                            frontend::PartRole::Instance,
                            "orders-dev",
                            "svc-ecs-pipeline/spec/spec.yaml",
                            "svc-ecs-pipeline/spec/env-outputs.yaml",
                            ""};

const ir::Diagnostic* driftAt(const Recovery& run) {
  for (const auto& diagnostic : run.diagnostics.all())
    if (diagnostic.ruleId == "MIG023")
      return &diagnostic;
  return nullptr;
}

int lineOf(const std::string& text, const std::string& needle) {
  auto at = text.find(needle);
  return at == std::string::npos
             ? 0
             : 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
}

const RecoveryCase kVpc{
    "env-vpc-cfn", frontend::PartRole::Infrastructure, "", "env-vpc-cfn/spec/spec.yaml", "", ""};

} // namespace

// Inputs a fixture's template loses on purpose, by spec file: their values cannot come back.
const std::map<std::string, std::set<std::string>> kLostInputs = {
    // Each extra tag is split at '=' inside a loop: a probe value has no '=' to split.
    {"env-vpc-cfn/spec/spec.yaml", {"extra_tags"}},
    // `alert_email | lower`: the deployed address is in lower case, so is the recovered one.
    {"env-legacy-engine/spec/spec.yaml", {"alert_email"}},
};

// Every CloudFormation rendering the render goldens cover (fixtures/render-cases.tsv): the
// spec comes back from the rendering, without drift.
TEST_CASE("every fixture rendering gives its spec back") {
  std::ifstream in(kFixtures / "render-cases.tsv");
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#')
      continue;
    auto f = splitTabs(line);
    REQUIRE(f.size() == 7);
    auto part = frontend::partRoleNamed(f[1]);
    REQUIRE(part);
    auto given = [](const std::string& field) { return field == "-" ? std::string() : field; };
    auto lost = kLostInputs.find(f[3]);
    checkRoundTrip({f[0], *part, given(f[2]), f[3], given(f[4]), given(f[5])},
                   lost == kLostInputs.end() ? std::set<std::string>{} : lost->second);
    ++cases;
  }
  MESSAGE("round trip over " << cases << " fixture renderings");
  CHECK(cases >= 20);
}

TEST_CASE("a boolean that only decides a Jinja if is recovered from the branch deployed") {
  for (const char* spec : {"env-vpc-cfn/spec/spec.yaml", "env-vpc-cfn/spec/spec-defaults.yaml"}) {
    CAPTURE(spec);
    Recovery run;
    renderCase({"env-vpc-cfn", frontend::PartRole::Infrastructure, "", spec, "", ""}, run);
    recover(run, run.deployed);
    auto found = run.recovered->inputs.find("create_database");
    REQUIRE(found != run.recovered->inputs.end());
    YAML::Node given = run.spec->environmentInputs["create_database"];
    CHECK(found->second.text == (given ? normalized(given) : "false"));
  }
}

TEST_CASE("the recovered environment spec omits defaults and reads back with the same types") {
  Recovery run;
  renderCase(kVpc, run);
  recover(run, run.deployed);
  YAML::Node spec = YAML::Load(frontend::writeRecoveredSpec(*run.recovered, "i", "e"));
  CHECK(spec["proton"].as<std::string>() == "EnvironmentSpec");
  REQUIRE(spec["spec"]["vpc_cidr"]);
  CHECK(spec["spec"]["vpc_cidr"].Tag() == "!"); // quoted: a string
}

TEST_CASE("a deployed template whose literal was edited is drift at the edited line") {
  Recovery run;
  renderCase(kService, run);
  recover(run, replaceOnce(run.deployed, "RetentionInDays: 30", "RetentionInDays: 7"));
  CHECK(run.recovered->drift == 1);
  auto drift = driftAt(run);
  REQUIRE(drift);
  CHECK(drift->location.file == "deployed.yaml");
  CHECK(drift->location.line == lineOf(run.deployed, "RetentionInDays: 30"));
}

TEST_CASE("a deployed template missing a resource is drift naming the resource") {
  Recovery run;
  renderCase(kService, run);
  auto module = frontend::readCloudFormation("deployed.yaml", run.deployed, run.diagnostics);
  REQUIRE(module);
  REQUIRE(module->findResource("LogGroup"));
  std::erase_if(module->resources,
                [](const ir::Resource& resource) { return resource.logicalId == "LogGroup"; });
  frontend::RenderRequest request;
  request.part = frontend::PartRole::Instance;
  run.recovered = frontend::recoverSpec(*run.bundle, request, *module, run.diagnostics);
  REQUIRE(run.recovered);
  CHECK(run.recovered->drift >= 1);
  auto drift = driftAt(run);
  REQUIRE(drift);
  CHECK(drift->message.find("'LogGroup'") != std::string::npos);
}

TEST_CASE("one occurrence of a twice-used input edited in the deployed template is drift") {
  Recovery run;
  renderCase(kService, run);
  // port is rendered into the container definition and into an output: edit the first only.
  std::string edited = replaceOnce(run.deployed, "ContainerPort: 8080", "ContainerPort: 9090");
  recover(run, edited);
  CHECK(run.recovered->drift == 1);
  auto drift = driftAt(run);
  REQUIRE(drift);
  CHECK(drift->location.line > 0);
  CHECK(drift->message.find("port") != std::string::npos);
}

TEST_CASE("an unedited service rendering recovers its environment outputs and context") {
  Recovery run;
  renderCase(kService, run);
  recover(run, run.deployed);
  CHECK(run.recovered->drift == 0);
  CHECK(run.recovered->upstreamOutputs.at("environment.ClusterName").text == "env-platform");
  CHECK(run.recovered->context.count("service_instance.name"));
}

TEST_CASE("recover-spec reads get-template output and exits 1 on drift, 0 without") {
  Recovery run;
  renderCase(kService, run);
  test::TempTree temp;
  YAML::Emitter json;
  json << YAML::BeginMap << YAML::Key << "TemplateBody" << YAML::Value << YAML::DoubleQuoted
       << run.deployed << YAML::EndMap;
  std::string good = temp.write("good.json", json.c_str());
  std::string bad = temp.write(
      "bad.yaml", replaceOnce(run.deployed, "RetentionInDays: 30", "RetentionInDays: 7"));
  std::string bundle = (kFixtures / "svc-ecs-pipeline").string();
  std::ostringstream out, err;
  CHECK(driver::runProgram({"recover-spec", bundle, "--part", "instance", "--template", good}, out,
                           err) == 0);
  CHECK(out.str().find("name: \"orders-dev\"") != std::string::npos);
  std::ostringstream out2, err2;
  CHECK(driver::runProgram({"recover-spec", bundle, "--part", "instance", "--template", bad}, out2,
                           err2) == 1);
  CHECK(err2.str().find("[MIG023]") != std::string::npos);
}
