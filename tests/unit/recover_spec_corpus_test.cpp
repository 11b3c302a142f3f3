// Inverse rendering over the official corpus: every CloudFormation part rendered with
// non-default inputs gives them back (skips without ../shared/corpus).
#include "frontend/instance_outputs.h"
#include "frontend/parametric/symbolic_context.h"
#include "tests/unit/recovery_harness.h"
#include "tests/unit/temp_tree.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;
using namespace pm;
using namespace pm::test;

namespace {

const fs::path kCorpus = fs::path(PM_SOURCE_DIR) / "../shared/corpus";

// Strings a schema pattern may ask for (the corpus's: CIDR blocks, account id lists).
const std::vector<std::string> kPatternSamples = {"10.1.0.0/16", "123456789012", "rcvalue"};

std::optional<std::string> stringValue(const frontend::SchemaProperty& property) {
  if (property.pattern) {
    std::regex pattern(*property.pattern);
    for (const std::string& sample : kPatternSamples)
      if (std::regex_search(sample, pattern))
        return "\"" + sample + "\"";
    return std::nullopt;
  }
  // Keeping the default's shape keeps templates that split it ("K=V;K=V") rendering.
  std::string text = "rc" + (property.defaultValue && property.defaultValue->isString()
                                 ? property.defaultValue->asString()
                                 : property.name);
  if (property.maxLength && static_cast<std::int64_t>(text.size()) > *property.maxLength)
    text.resize(static_cast<std::size_t>(*property.maxLength));
  if (property.minLength && static_cast<std::int64_t>(text.size()) < *property.minLength)
    return std::nullopt;
  return "\"" + text + "\"";
}

std::optional<std::string> numberValue(const frontend::SchemaProperty& property) {
  const auto& given = property.defaultValue;
  double fallback = given && given->isInt()     ? static_cast<double>(given->asInt())
                    : given && given->isFloat() ? given->asFloat()
                                                : property.minimum.value_or(0) - 1;
  for (double candidate : {fallback + 1, property.minimum.value_or(1), fallback - 1})
    if (candidate != fallback && (!property.minimum || candidate >= *property.minimum) &&
        (!property.maximum || candidate <= *property.maximum))
      return std::to_string(static_cast<long long>(candidate));
  return std::nullopt;
}

// A value for `property` that no default has: a free-form string, the other boolean, the last
// enum member that is not the default, a number next to the default; nothing for lists.
std::optional<std::string> nonDefaultValue(const frontend::SchemaProperty& property) {
  std::string fallback = property.defaultValue ? property.defaultValue->str() : "";
  if (!property.enumValues.empty()) {
    for (auto it = property.enumValues.rbegin(); it != property.enumValues.rend(); ++it)
      if (it->str() != fallback && it->isString())
        return "\"" + it->str() + "\"";
    return std::nullopt;
  }
  switch (property.type) {
  case frontend::PropertyType::Boolean:
    return property.defaultValue && property.defaultValue->isBool() &&
                   property.defaultValue->asBool()
               ? "false"
               : "true";
  case frontend::PropertyType::String:
    return stringValue(property);
  case frontend::PropertyType::Number:
  case frontend::PropertyType::Integer:
    return numberValue(property);
  default:
    return std::nullopt;
  }
}

const frontend::InputTypeSchema* inputTypeFor(const frontend::Bundle& bundle,
                                              frontend::PartRole part) {
  const auto& type = part == frontend::PartRole::Infrastructure ? bundle.schema->environmentInputs
                     : part == frontend::PartRole::Pipeline     ? bundle.schema->pipelineInputs
                                                                : bundle.schema->serviceInputs;
  return type ? &*type : nullptr;
}

std::string inputLines(const frontend::Bundle& bundle, frontend::PartRole part,
                       const std::string& indent) {
  std::string block;
  if (const frontend::InputTypeSchema* type = inputTypeFor(bundle, part))
    for (const auto& property : type->properties)
      if (auto value = nonDefaultValue(property))
        block += indent + property.name + ": " + *value + "\n";
  return block;
}

// The part's inputs set to non-default values, in a spec of the part's kind; a service spec
// has one instance with non-default inputs (a pipeline reads its outputs) and, for a pipeline,
// the pipeline's inputs.
std::string nonDefaultSpec(const frontend::Bundle& bundle, frontend::PartRole part) {
  if (part == frontend::PartRole::Infrastructure)
    return "proton: EnvironmentSpec\nspec:\n" + inputLines(bundle, part, "  ");
  // A pipeline's instance keeps its defaults: pipelines index their own tables with the
  // instance's outputs (a runtime map that lacks some of the instance's enum members).
  std::string instances = "instances:\n  - name: \"inst\"\n    environment: \"env\"\n    spec:\n" +
                          (part == frontend::PartRole::Pipeline
                               ? "      {}\n"
                               : inputLines(bundle, frontend::PartRole::Instance, "      "));
  if (part == frontend::PartRole::Pipeline)
    return "proton: ServiceSpec\npipeline:\n" + inputLines(bundle, part, "  ") + instances;
  return "proton: ServiceSpec\n" + instances;
}

// A stand-in for every environment output the part's template reads, so it renders; for a
// pipeline, also those its instances read (their outputs come from rendering them).
jinja::Value environmentOutputsFor(const frontend::Bundle& bundle, frontend::PartRole part) {
  jinja::ValueDict outputs;
  std::string text;
  for (frontend::PartRole reader : {part, frontend::PartRole::Instance})
    if (const frontend::BundlePart* found = bundle.part(reader))
      text += bundle.files.read(found->templatePath).value_or("");
  for (const std::string& name : frontend::environmentOutputsNamed(text))
    outputs.set(jinja::Value(name), jinja::Value(name + "-out"));
  return jinja::Value::dict(std::move(outputs));
}

struct CorpusCount {
  int parts = 0, rendered = 0, given = 0, recovered = 0, unrecoverable = 0, driftFree = 0;
  std::vector<std::string> notRendered;
};

void roundTripCorpusPart(const std::string& root, frontend::PartRole part, TempTree& temp,
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
  if (part == frontend::PartRole::Pipeline)
    run.request.instanceOutputs = frontend::literalInstanceOutputs(*run.bundle, run.request);
  auto rendered = frontend::renderAndCheck(*run.bundle, run.request, run.diagnostics);
  if (!rendered) {
    count.notRendered.push_back(root);
    return;
  }
  ++count.rendered;
  CAPTURE(root);
  CAPTURE(text);
  recover(run, *rendered);
  std::ostringstream printed;
  run.diagnostics.print(printed);
  CAPTURE(printed.str());
  CHECK(run.recovered->drift == 0);
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
      // Not recovered: reported with the reason (it does not reach the deployed template).
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
  TempTree temp;
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
  // Only the template checker's two bundles broken on purpose do not render.
  for (const std::string& root : count.notRendered) {
    CAPTURE(root);
    CHECK(root.find("invalid_jinja") != std::string::npos);
  }
  CHECK(count.rendered > 0);
}
