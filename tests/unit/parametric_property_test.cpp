// The correctness property of parametric mode (DESIGN.md): instantiating the parametric module
// with inputs X gives the module rendered mode reads for X, resource by resource; on every
// fixture case with a spec and every CloudFormation+Jinja bundle of the corpus, for the spec and
// for variants that flip every boolean input and walk every enum value.
#include "frontend/bundle/bundle.h"
#include "frontend/bundle/outputs_file.h"
#include "frontend/bundle/spec.h"
#include "frontend/parametric/parametric_reader.h"
#include "frontend/render.h"
#include "ir/expr_equality.h"
#include "ir/expr_text.h"
#include "ir/instantiate.h"

#include "tsv_fields.h"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using namespace pm;
using frontend::PropertyType;

namespace {

const fs::path kSourceDir = PM_SOURCE_DIR;
const fs::path kFixtures = kSourceDir / "fixtures";
const fs::path kCorpus = kSourceDir / ".." / "shared" / "corpus";

YAML::Node toYaml(const jinja::Value& value) {
  if (value.isBool())
    return YAML::Node(value.asBool());
  if (value.isInt())
    return YAML::Node(static_cast<long long>(value.asInt()));
  if (value.isFloat())
    return YAML::Node(value.asFloat());
  return YAML::Node(value.str());
}

// Variant `n` of `values` (a spec's inputs): booleans flipped on even n, enum n-th value.
YAML::Node variantInputs(const YAML::Node& values, const frontend::InputTypeSchema* type, int n) {
  YAML::Node out = values && values.IsMap() ? YAML::Clone(values) : YAML::Node(YAML::NodeType::Map);
  if (!type)
    return out;
  for (const auto& property : type->properties) {
    if (property.type == PropertyType::Boolean && n % 2 == 0) {
      bool current = out[property.name] ? out[property.name].as<bool>(false)
                                        : property.defaultValue && property.defaultValue->truthy();
      out[property.name] = !current;
    }
    if (!property.enumValues.empty())
      out[property.name] = toYaml(property.enumValues[n % property.enumValues.size()]);
  }
  return out;
}

const frontend::InputTypeSchema* typeOf(const std::optional<frontend::InputTypeSchema>& type) {
  return type ? &*type : nullptr;
}

frontend::Spec variantSpec(const frontend::Spec* base, const frontend::Schema& schema, int n) {
  frontend::Spec spec = base ? *base : frontend::Spec{};
  if (!base)
    spec.kind = schema.kind;
  if (spec.kind == frontend::TemplateKind::Service && spec.instances.empty()) {
    frontend::ServiceInstanceSpec instance;
    instance.name = "instance";
    instance.environment = "env";
    spec.instances.push_back(instance);
  }
  spec.environmentInputs =
      variantInputs(spec.environmentInputs, typeOf(schema.environmentInputs), n);
  spec.pipelineInputs = variantInputs(spec.pipelineInputs, typeOf(schema.pipelineInputs), n);
  for (auto& instance : spec.instances)
    instance.inputs = variantInputs(instance.inputs, typeOf(schema.serviceInputs), n);
  // Variant n has n more instances, so a pipeline's loops run over 1, 2, 3... elements.
  for (int extra = 1; spec.kind == frontend::TemplateKind::Service && extra <= n; ++extra) {
    frontend::ServiceInstanceSpec instance = spec.instances.front();
    instance.name += "-" + std::to_string(extra);
    instance.environment += "-" + std::to_string(extra);
    spec.instances.push_back(instance);
  }
  return spec;
}

int variantCount(const frontend::Schema& schema) {
  std::size_t count = 3;
  for (const auto* type : {typeOf(schema.environmentInputs), typeOf(schema.serviceInputs),
                           typeOf(schema.pipelineInputs)})
    if (type)
      for (const auto& property : type->properties)
        count = std::max(count, property.enumValues.size());
  return static_cast<int>(count);
}

std::string describeResource(const ir::Resource& resource) {
  return resource.logicalId + " " + ir::exprText(resource.properties, 2000);
}

// Counts the references lifted into `module`, by kind, for the report.
void countReferences(ir::Module& module, std::map<std::string, int>& counts) {
  ir::walkModuleExprs(module, [&](const ir::Expr& node) {
    if (node.kind() == ir::ExprKind::InputRef || node.kind() == ir::ExprKind::ContextRef ||
        node.kind() == ir::ExprKind::UpstreamOutputRef)
      ++counts["lifted: " + std::string(ir::exprKindName(node.kind()))];
    if (node.kind() == ir::ExprKind::Sub && ir::isConcatenation(node.sub()))
      ++counts["lifted: concatenation (Sub)"];
    return true;
  });
}

// Checks the property for one request; adds the fallbacks to `counts`. False when rendered mode
// itself failed (nothing to compare).
bool checkProperty(const frontend::Bundle& bundle, const frontend::RenderRequest& request,
                   std::map<std::string, int>* counts) {
  ir::Diagnostics renderDiagnostics;
  auto text = frontend::renderPart(bundle, request, renderDiagnostics);
  if (!text)
    return false;
  auto rendered =
      frontend::readRenderedTemplate(bundle, *bundle.part(request.part), *text, renderDiagnostics);
  if (!rendered)
    return false;
  ir::Diagnostics diagnostics;
  auto parametric = frontend::readParametricModule(bundle, request, diagnostics);
  REQUIRE_MESSAGE(parametric, diagnostics.all().size());
  auto values = frontend::requestValues(bundle, request, diagnostics);
  REQUIRE(values);
  ir::Module bound = ir::instantiate(parametric->module, *values);
  REQUIRE(bound.resources.size() == rendered->resources.size());
  for (std::size_t i = 0; i < bound.resources.size(); ++i) {
    INFO("parametric: " << describeResource(bound.resources[i]));
    INFO("rendered:   " << describeResource(rendered->resources[i]));
    CHECK(ir::equalResources(bound.resources[i], rendered->resources[i]));
  }
  REQUIRE(bound.outputs.size() == rendered->outputs.size());
  for (std::size_t i = 0; i < bound.outputs.size(); ++i) {
    INFO("output " << bound.outputs[i].name << ": " << ir::exprText(bound.outputs[i].value, 500)
                   << " vs " << ir::exprText(rendered->outputs[i].value, 500));
    CHECK(ir::equalOutputs(bound.outputs[i], rendered->outputs[i]));
  }
  CHECK(ir::equalModules(bound, *rendered));
  for (const ir::Input& input : rendered->inputs) {
    const ir::Input* same = bound.findInput(input.name);
    REQUIRE(same);
    INFO("parameter " << input.name << " default " << ir::exprText(same->defaultValue) << " vs "
                      << ir::exprText(input.defaultValue));
    CHECK(ir::equalExprs(same->defaultValue, input.defaultValue));
  }
  if (counts) {
    for (const auto& fallback : parametric->fallbacks) {
      std::string kind = "fallback: " + fallback.construct;
      if (++(*counts)[kind] == 1) // one example per kind, for the report
        (*counts)[kind + " (e.g. " + fallback.path + " at " + fallback.location.file.str() + ":" +
                  std::to_string(fallback.location.line) + ")"] = 0;
    }
    countReferences(parametric->module, *counts);
  }
  return true;
}

// The property for the request's own spec and the schema's variants of it.
int checkWithVariants(const frontend::Bundle& bundle, frontend::RenderRequest request,
                      std::map<std::string, int>* counts) {
  int compared = checkProperty(bundle, request, counts) ? 1 : 0;
  if (!bundle.schema)
    return compared;
  const frontend::Spec* base = request.spec;
  for (int n = 0; n < variantCount(*bundle.schema); ++n) {
    frontend::Spec spec = variantSpec(base, *bundle.schema, n);
    request.spec = &spec;
    INFO("variant " << n);
    compared += checkProperty(bundle, request, nullptr) ? 1 : 0;
  }
  return compared;
}

std::vector<frontend::ContextOverride> fixtureContext() {
  return {{"service.name", "svc1"}, {"environment.account_id", "123456789012"}};
}

} // namespace

TEST_CASE("instantiating a parametric fixture module gives the rendered module, for its spec "
          "and for variants") {
  std::ifstream in(kFixtures / "render-cases.tsv");
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#')
      continue;
    std::vector<std::string> f = pm::test::splitTabs(line);
    REQUIRE(f.size() == 7);
    SUBCASE((f[0] + " " + f[1] + " " + f[3]).c_str()) {
      ir::Diagnostics diagnostics;
      auto bundle = frontend::readBundle((kFixtures / f[0]).string(), diagnostics);
      REQUIRE(bundle);
      auto spec = frontend::readSpec((kFixtures / f[3]).string(), diagnostics);
      REQUIRE(spec);
      frontend::RenderRequest request;
      request.part = *frontend::partRoleNamed(f[1]);
      request.spec = &*spec;
      request.instance = f[2] == "-" ? "" : f[2];
      if (f[4] != "-")
        request.environmentOutputs =
            *frontend::readOutputsFile((kFixtures / f[4]).string(), diagnostics);
      if (f[5] != "-")
        request.componentOutputs =
            frontend::readOutputsFile((kFixtures / f[5]).string(), diagnostics);
      request.overrides = fixtureContext();
      CHECK(checkWithVariants(*bundle, request, nullptr) >= 4); // the spec and 3 variants
    }
  }
}

namespace {

jinja::Value environmentOutputs(const fs::path& bundle) {
  static const std::regex kOutput(R"(environment\.outputs\.([A-Za-z_][A-Za-z0-9_]*))");
  std::set<std::string> names;
  for (const auto& entry : fs::recursive_directory_iterator(bundle)) {
    if (!entry.is_regular_file())
      continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), kOutput);
         it != std::sregex_iterator(); ++it)
      names.insert((*it)[1].str());
  }
  jinja::ValueDict outputs;
  for (const std::string& name : names)
    outputs.set(jinja::Value(name), jinja::Value(name + "-value"));
  return jinja::Value::dict(std::move(outputs));
}

} // namespace

TEST_CASE("instantiating a parametric corpus module gives the rendered module, for its spec and "
          "for variants") {
  if (!fs::exists(kCorpus / "BUNDLES.tsv")) {
    MESSAGE("skipped: no corpus at " << kCorpus.string());
    return;
  }
  std::ifstream in(kCorpus / "BUNDLES.tsv");
  std::string header;
  std::getline(in, header);
  std::map<std::string, int> counts;
  int parts = 0, compared = 0;
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> f = pm::test::splitTabs(line);
    if (f.size() < 3 || f[2] != "CloudFormation+Jinja" || f[1] == "component")
      continue;
    fs::path root = kCorpus / f[0];
    std::vector<frontend::PartRole> roles{frontend::PartRole::Infrastructure};
    if (f[1] != "environment")
      roles = {frontend::PartRole::Instance, frontend::PartRole::Pipeline};
    for (frontend::PartRole role : roles) {
      ir::Diagnostics diagnostics;
      auto bundle = frontend::readBundle(root.string(), diagnostics);
      if (!bundle || !bundle->part(role) || bundle->part(role)->templatePath.empty())
        continue;
      std::optional<frontend::Spec> spec;
      if (fs::exists(root / "spec" / "spec.yaml"))
        spec = frontend::readSpec((root / "spec" / "spec.yaml").string(), diagnostics);
      frontend::RenderRequest request;
      request.part = role;
      request.spec = spec ? &*spec : nullptr;
      request.environmentOutputs = environmentOutputs(root);
      request.overrides = fixtureContext();
      INFO("corpus bundle: " << f[0] << " --part " << frontend::partRoleName(role));
      ++parts;
      compared += checkWithVariants(*bundle, request, &counts);
    }
  }
  std::ostringstream table;
  table << "MIG008 fallbacks over " << parts << " corpus parts (" << compared
        << " renders compared), by construct:";
  for (const auto& [construct, count] : counts)
    table << "\n  " << count << "\t" << construct;
  MESSAGE(table.str());
  if (const char* path = std::getenv("PM_PARAMETRIC_REPORT"))
    std::ofstream(path) << table.str() << "\n";
  CHECK(compared > 0);
}
