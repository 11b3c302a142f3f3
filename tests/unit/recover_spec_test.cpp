// Inverse rendering: a spec rendered and then recovered from the rendered template comes back
// (modulo schema defaults), and hand edits of the deployed template are MIG023 drift.
#include "frontend/frontend.h"
#include "frontend/parametric/spec_recovery.h"
#include "ir/expr_text.h"
#include "tests/unit/temp_tree.h"
#include "tools/proton-migrate/main_program.h"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;
using namespace pm;

namespace {

const fs::path kFixtures = fs::path(PM_SOURCE_DIR) / "fixtures";

struct Case {
  std::string bundle;
  frontend::PartRole part;
  std::string instance;
  std::string spec;
  std::string environmentOutputs;
};

struct Recovery {
  std::optional<frontend::Bundle> bundle;
  std::optional<frontend::Spec> spec;
  frontend::RenderRequest request;
  std::string deployed;
  std::optional<frontend::RecoveredSpec> recovered;
  ir::Diagnostics diagnostics;
};

void render(const Case& c, Recovery& run) {
  run.bundle = frontend::readBundle((kFixtures / c.bundle).string(), run.diagnostics);
  REQUIRE(run.bundle);
  run.spec = frontend::readSpec((kFixtures / c.spec).string(), run.diagnostics);
  REQUIRE(run.spec);
  run.request.part = c.part;
  run.request.spec = &*run.spec;
  run.request.instance = c.instance;
  if (!c.environmentOutputs.empty()) {
    auto outputs =
        frontend::readOutputsFile((kFixtures / c.environmentOutputs).string(), run.diagnostics);
    REQUIRE(outputs);
    run.request.environmentOutputs = *outputs;
  }
  auto text = frontend::renderAndCheck(*run.bundle, run.request, run.diagnostics);
  REQUIRE(text);
  run.deployed = *text;
}

void recover(Recovery& run, const std::string& deployed) {
  auto module = frontend::readCloudFormation("deployed.yaml", deployed, run.diagnostics);
  REQUIRE(module);
  frontend::RenderRequest request;
  request.part = run.request.part;
  // A pipeline's deployed template does not tell the service's instances: the spec gives them.
  if (request.part == frontend::PartRole::Pipeline)
    request.spec = run.request.spec;
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

YAML::Node originalInputs(const Recovery& run, const std::string& instance) {
  if (run.request.part == frontend::PartRole::Infrastructure)
    return run.spec->environmentInputs;
  if (run.request.part == frontend::PartRole::Pipeline)
    return run.spec->pipelineInputs;
  return run.spec->findInstance(instance)->inputs;
}

bool reportedUnrecoverable(const Recovery& run, const std::string& name) {
  for (const auto& diagnostic : run.diagnostics.all())
    if (diagnostic.message.find("input " + name + " could not be recovered") != std::string::npos)
      return true;
  return false;
}

// Omitted from the recovered spec because the original value is the schema default.
bool equalsDefault(const frontend::RecoveredSpec& recovered, const std::string& name,
                   const std::string& value) {
  for (const ir::Input& input : recovered.declared)
    if (input.name == name && input.defaultValue) {
      YAML::Node node = YAML::Load(ir::exprText(input.defaultValue));
      return normalized(node) == value;
    }
  return false;
}

// Every input the spec sets comes back, unless the recovery said why it could not.
// Without `drift`, only inputs no fallback construct reads are expected back.
void checkRoundTrip(const Case& c, bool driftFree = true) {
  Recovery run;
  render(c, run);
  recover(run, run.deployed);
  CAPTURE(c.bundle);
  std::ostringstream printed;
  run.diagnostics.print(printed);
  CAPTURE(printed.str());
  if (driftFree)
    CHECK(run.recovered->drift == 0);
  std::string text = frontend::writeRecoveredSpec(*run.recovered, "instance", "env");
  CAPTURE(text);
  YAML::Node recovered = inputsOf(YAML::Load(text), c.part);
  for (const auto& entry : originalInputs(run, c.instance)) {
    std::string name = entry.first.as<std::string>();
    CAPTURE(name);
    if (recovered[name])
      CHECK(normalized(recovered[name]) == normalized(entry.second));
    else if (!reportedUnrecoverable(run, name))
      CHECK(equalsDefault(*run.recovered, name, normalized(entry.second)));
  }
}

std::string replaceOnce(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

const Case kService{"svc-ecs-pipeline", frontend::PartRole::Instance, "orders-dev",
                    "svc-ecs-pipeline/spec/spec.yaml", "svc-ecs-pipeline/spec/env-outputs.yaml"};

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

const Case kVpc{"env-vpc-cfn", frontend::PartRole::Infrastructure, "", "env-vpc-cfn/spec/spec.yaml",
                ""};

} // namespace

TEST_CASE("an environment spec rendered and recovered from the rendered template comes back") {
  // Most of this bundle's inputs drive fallback constructs (for, if, filters): those are reported
  // as not recoverable, and the branches they chose show as drift.
  checkRoundTrip(kVpc, false);
}

TEST_CASE("a service instance spec with environment outputs comes back from its rendering") {
  checkRoundTrip(kService);
}

TEST_CASE("a second service instance with non-default inputs comes back from its rendering") {
  checkRoundTrip({"svc-ecs-pipeline", frontend::PartRole::Instance, "orders-prod",
                  "svc-ecs-pipeline/spec/spec.yaml", "svc-ecs-pipeline/spec/env-outputs.yaml"});
}

TEST_CASE("a template-repository environment spec comes back from its rendering") {
  checkRoundTrip({"template-repo/shared-env/v1", frontend::PartRole::Infrastructure, "",
                  "template-repo/shared-env/v1/spec/spec.yaml", ""});
}

TEST_CASE("a pipeline spec comes back when the service's instances are given") {
  checkRoundTrip({"svc-ecs-pipeline", frontend::PartRole::Pipeline, "",
                  "svc-ecs-pipeline/spec/spec.yaml", "svc-ecs-pipeline/spec/env-outputs.yaml"});
  checkRoundTrip({"svc-pipeline-loops", frontend::PartRole::Pipeline, "",
                  "svc-pipeline-loops/spec/spec.yaml", ""});
}

TEST_CASE("a boolean that only decides a Jinja if is recovered from the branch deployed") {
  for (const char* spec : {"env-vpc-cfn/spec/spec.yaml", "env-vpc-cfn/spec/spec-defaults.yaml"}) {
    CAPTURE(spec);
    Recovery run;
    render({"env-vpc-cfn", frontend::PartRole::Infrastructure, "", spec, ""}, run);
    recover(run, run.deployed);
    auto found = run.recovered->inputs.find("create_database");
    REQUIRE(found != run.recovered->inputs.end());
    YAML::Node given = run.spec->environmentInputs["create_database"];
    CHECK(found->second.text == (given ? normalized(given) : "false"));
  }
}

TEST_CASE("the recovered environment spec omits defaults and reads back with the same types") {
  Recovery run;
  render(kVpc, run);
  recover(run, run.deployed);
  YAML::Node spec = YAML::Load(frontend::writeRecoveredSpec(*run.recovered, "i", "e"));
  CHECK(spec["proton"].as<std::string>() == "EnvironmentSpec");
  REQUIRE(spec["spec"]["vpc_cidr"]);
  CHECK(spec["spec"]["vpc_cidr"].Tag() == "!"); // quoted: a string
}

TEST_CASE("a deployed template whose literal was edited is drift at the edited line") {
  Recovery run;
  render(kService, run);
  recover(run, replaceOnce(run.deployed, "RetentionInDays: 30", "RetentionInDays: 7"));
  CHECK(run.recovered->drift == 1);
  auto drift = driftAt(run);
  REQUIRE(drift);
  CHECK(drift->location.file == "deployed.yaml");
  CHECK(drift->location.line == lineOf(run.deployed, "RetentionInDays: 30"));
}

TEST_CASE("a deployed template missing a resource is drift naming the resource") {
  Recovery run;
  render(kService, run);
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
  render(kService, run);
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
  render(kService, run);
  recover(run, run.deployed);
  CHECK(run.recovered->drift == 0);
  CHECK(run.recovered->upstreamOutputs.at("environment.ClusterName").text == "env-platform");
  CHECK(run.recovered->context.count("service_instance.name"));
}

namespace {

const fs::path kCorpus = fs::path(PM_SOURCE_DIR) / "../shared/corpus";

// A value for `property` that no default has: a free-form string ("rc<name>"), the other
// boolean, the last enum member that is not the default; nothing for the rest.
std::optional<std::string> nonDefaultValue(const frontend::SchemaProperty& property) {
  std::string fallback = property.defaultValue ? property.defaultValue->str() : "";
  if (!property.enumValues.empty()) {
    for (auto it = property.enumValues.rbegin(); it != property.enumValues.rend(); ++it)
      if (it->str() != fallback && it->isString())
        return "\"" + it->str() + "\"";
    return std::nullopt;
  }
  if (property.type == frontend::PropertyType::Boolean)
    return property.defaultValue && property.defaultValue->isBool() &&
                   property.defaultValue->asBool()
               ? "false"
               : "true";
  if (property.type == frontend::PropertyType::String && !property.pattern && !property.maxLength)
    return "\"rc" + property.name + "\"";
  return std::nullopt;
}

const frontend::InputTypeSchema* inputTypeFor(const frontend::Bundle& bundle,
                                              frontend::PartRole part) {
  const auto& type = part == frontend::PartRole::Infrastructure ? bundle.schema->environmentInputs
                     : part == frontend::PartRole::Pipeline     ? bundle.schema->pipelineInputs
                                                                : bundle.schema->serviceInputs;
  return type ? &*type : nullptr;
}

// The part's inputs set to non-default values, in a spec of the part's kind; a service spec
// has one instance and, for a pipeline, the pipeline's inputs.
std::string nonDefaultSpec(const frontend::Bundle& bundle, frontend::PartRole part) {
  std::string block;
  std::string indent = part == frontend::PartRole::Instance ? "      " : "  ";
  if (const frontend::InputTypeSchema* type = inputTypeFor(bundle, part))
    for (const auto& property : type->properties)
      if (auto value = nonDefaultValue(property))
        block += indent + property.name + ": " + *value + "\n";
  if (part == frontend::PartRole::Infrastructure)
    return "proton: EnvironmentSpec\nspec:\n" + block;
  std::string instances = "instances:\n  - name: \"inst\"\n    environment: \"env\"\n";
  if (part == frontend::PartRole::Pipeline)
    return "proton: ServiceSpec\npipeline:\n" + block + instances;
  return "proton: ServiceSpec\n" + instances + "    spec:\n" + block;
}

// A stand-in for every environment output the part's template reads, so it renders.
jinja::Value environmentOutputsFor(const frontend::Bundle& bundle, frontend::PartRole part) {
  jinja::ValueDict outputs;
  const frontend::BundlePart* found = bundle.part(part);
  std::string text = found ? bundle.files.read(found->templatePath).value_or("") : "";
  static const std::regex named(R"(environment\.outputs\.([A-Za-z_][A-Za-z0-9_]*))");
  for (std::sregex_iterator it(text.begin(), text.end(), named), end; it != end; ++it)
    outputs.set(jinja::Value(std::string((*it)[1])), jinja::Value(std::string((*it)[1]) + "-out"));
  return jinja::Value::dict(std::move(outputs));
}

struct CorpusCount {
  int parts = 0, rendered = 0, given = 0, recovered = 0, unrecoverable = 0, driftFree = 0;
};

void roundTripCorpusPart(const std::string& root, frontend::PartRole part, test::TempTree& temp,
                         CorpusCount& count) {
  Recovery run;
  run.bundle = frontend::readBundle((kCorpus / root).string(), run.diagnostics);
  if (!run.bundle || !run.bundle->schema || !run.bundle->part(part) ||
      run.bundle->part(part)->templatePath.empty())
    return;
  ++count.parts;
  std::string text = nonDefaultSpec(*run.bundle, part);
  run.spec =
      frontend::readSpec(temp.write(std::to_string(count.parts) + ".yaml", text), run.diagnostics);
  REQUIRE(run.spec);
  run.request.part = part;
  run.request.spec = &*run.spec;
  run.request.environmentOutputs = environmentOutputsFor(*run.bundle, part);
  auto rendered = frontend::renderAndCheck(*run.bundle, run.request, run.diagnostics);
  if (!rendered)
    return; // values this spec does not give (component outputs, an instance's outputs)
  ++count.rendered;
  CAPTURE(root);
  CAPTURE(text);
  recover(run, *rendered);
  count.driftFree += run.recovered->drift == 0 ? 1 : 0;
  YAML::Node back =
      inputsOf(YAML::Load(frontend::writeRecoveredSpec(*run.recovered, "inst", "env")), part);
  for (const auto& entry : inputsOf(YAML::Load(text), part)) {
    std::string name = entry.first.as<std::string>();
    CAPTURE(name);
    ++count.given;
    if (back[name]) {
      CHECK(normalized(back[name]) == normalized(entry.second));
      ++count.recovered;
    } else {
      // Not recovered: reported with the reason (it only drives a construct rendered as is).
      CHECK(reportedUnrecoverable(run, name));
      ++count.unrecoverable;
    }
  }
}

} // namespace

TEST_CASE("corpus bundles rendered with non-default inputs give those inputs back") {
  if (!fs::exists(kCorpus / "BUNDLES.tsv"))
    return;
  std::ifstream list(kCorpus / "BUNDLES.tsv");
  std::string line;
  CorpusCount count;
  test::TempTree temp;
  while (std::getline(list, line)) {
    if (line.find("CloudFormation+Jinja") == std::string::npos)
      continue;
    std::string root = line.substr(0, line.find('\t'));
    if (line.find("\tenvironment\t") != std::string::npos)
      roundTripCorpusPart(root, frontend::PartRole::Infrastructure, temp, count);
    if (line.find("\tservice\t") != std::string::npos) {
      roundTripCorpusPart(root, frontend::PartRole::Instance, temp, count);
      roundTripCorpusPart(root, frontend::PartRole::Pipeline, temp, count);
    }
  }
  MESSAGE("recover-spec round trip on "
          << count.rendered << " of " << count.parts << " corpus parts (" << count.driftFree
          << " without drift): " << count.recovered << " of " << count.given
          << " non-default inputs recovered, " << count.unrecoverable << " reported unrecoverable");
  CHECK(count.rendered > 0);
}

TEST_CASE("recover-spec reads get-template output and exits 1 on drift, 0 without") {
  Recovery run;
  render(kService, run);
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
