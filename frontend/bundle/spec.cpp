// Spec file reading and validation against a schema.
#include "frontend/bundle/spec.h"

#include "frontend/bundle/input_validation.h"
#include "frontend/input_file.h"
#include "frontend/yaml/yaml_file.h"

#include <algorithm>
#include <set>

namespace pm::frontend {

namespace {

constexpr const char* kBadSpec = "PRS010";
// Proton resource names (proton-format.md §8).
// A Proton resource name: [0-9A-Za-z]+[0-9A-Za-z_-]*.
bool isResourceName(const std::string& text) {
  auto alphanumeric = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  };
  return !text.empty() && alphanumeric(text[0]) &&
         std::all_of(text.begin(), text.end(),
                     [&](char c) { return alphanumeric(c) || c == '_' || c == '-'; });
}

class SpecReader {
public:
  SpecReader(const std::string& path, ir::Diagnostics& diagnostics)
      : path_(path), diagnostics_(diagnostics) {}

  std::optional<Spec> read() {
    auto text = readInputFile(path_, diagnostics_);
    if (!text)
      return std::nullopt;
    auto document = loadYamlDocument(path_, *text, diagnostics_);
    if (!document)
      return std::nullopt;
    if (!document->IsMap() || !(*document)["proton"]) {
      fail(*document,
           "a spec is a mapping with 'proton: EnvironmentSpec' or 'proton: ServiceSpec'");
      return std::nullopt;
    }
    Spec spec;
    spec.path = path_;
    spec.document = *document;
    const YAML::Node kind = (*document)["proton"];
    std::string kindName = kind.IsScalar() ? kind.Scalar() : "";
    if (kindName == "EnvironmentSpec")
      return readEnvironment(*document, spec);
    if (kindName == "ServiceSpec")
      return readService(*document, spec);
    fail(kind, "unknown spec kind '" + kindName + "'; expected EnvironmentSpec or ServiceSpec");
    return std::nullopt;
  }

private:
  bool fail(const YAML::Node& at, const std::string& message) {
    diagnostics_.error(kBadSpec, locationOf(path_, at), message);
    return false;
  }

  std::optional<Spec> readEnvironment(const YAML::Node& document, Spec& spec) {
    spec.kind = TemplateKind::Environment;
    if (document["spec"]) // a missing key is an invalid node, which reset() throws on
      spec.environmentInputs.reset(document["spec"]);
    return spec;
  }

  std::optional<Spec> readService(const YAML::Node& document, Spec& spec) {
    spec.kind = TemplateKind::Service;
    if (document["pipeline"]) {
      spec.pipelineInputs.reset(document["pipeline"]);
      spec.hasPipelineInputs = true;
    }
    if (document["name"] && document["name"].IsScalar())
      spec.serviceName = document["name"].Scalar();
    const YAML::Node instances = document["instances"];
    if (!instances) {
      fail(document, "a ServiceSpec needs an 'instances' list");
      return std::nullopt;
    }
    if (!instances.IsSequence()) {
      fail(instances, "'instances' must be a list");
      return std::nullopt;
    }
    std::set<std::string> names;
    for (std::size_t index = 0; index < instances.size(); ++index) {
      auto instance = readInstance(instances[index], index);
      if (!instance)
        return std::nullopt;
      if (!names.insert(instance->name).second) {
        fail(instance->node["name"], "instance name '" + instance->name + "' is used twice");
        return std::nullopt;
      }
      spec.instances.push_back(std::move(*instance));
    }
    return spec;
  }

  std::optional<ServiceInstanceSpec> readInstance(const YAML::Node& node, std::size_t index) {
    std::string field = "instances[" + std::to_string(index) + "]";
    if (!node.IsMap()) {
      fail(node, field + " must be a mapping with 'name', 'environment' and 'spec'");
      return std::nullopt;
    }
    const YAML::Node name = node["name"];
    if (!name || !name.IsScalar() || !isResourceName(name.Scalar()) || name.Scalar().size() > 100) {
      fail(name ? name : node, field + ".name must be a Proton resource name "
                                       "(1-100 letters, digits, '-' or '_')");
      return std::nullopt;
    }
    ServiceInstanceSpec instance;
    instance.name = name.Scalar();
    instance.node.reset(node);
    instance.index = index;
    if (node["environment"] && node["environment"].IsScalar())
      instance.environment = node["environment"].Scalar();
    if (node["spec"])
      instance.inputs.reset(node["spec"]);
    return instance;
  }

  const std::string& path_;
  ir::Diagnostics& diagnostics_;
};

} // namespace

const ServiceInstanceSpec* Spec::findInstance(const std::string& name) const {
  for (const auto& instance : instances)
    if (instance.name == name)
      return &instance;
  return nullptr;
}

std::optional<Spec> readSpec(const std::string& path, ir::Diagnostics& diagnostics) {
  SpecReader reader(path, diagnostics);
  return reader.read();
}

bool validateSpec(const Spec& spec, const Schema& schema, ir::Diagnostics& diagnostics) {
  if (spec.kind != schema.kind) {
    bool environment = schema.kind == TemplateKind::Environment;
    diagnostics.error(kBadSpec, locationOf(spec.path, spec.document["proton"]),
                      std::string("this bundle is ") +
                          (environment ? "an environment template and needs an EnvironmentSpec"
                                       : "a service template and needs a ServiceSpec"));
    return false;
  }
  bool ok = true;
  if (spec.kind == TemplateKind::Environment) {
    if (schema.environmentInputs)
      ok = validateInputs(*schema.environmentInputs, spec.environmentInputs, {spec.path, "spec"},
                          spec.document, diagnostics);
    return ok;
  }
  if (spec.hasPipelineInputs && !schema.pipelineInputs)
    diagnostics.warning(
        kBadSpec, locationOf(spec.path, spec.pipelineInputs),
        "the spec has pipeline inputs but the schema declares no pipeline_input_type");
  if (schema.pipelineInputs)
    ok = validateInputs(*schema.pipelineInputs, spec.pipelineInputs, {spec.path, "pipeline"},
                        spec.document, diagnostics) &&
         ok;
  for (const auto& instance : spec.instances)
    if (schema.serviceInputs)
      ok = validateInputs(*schema.serviceInputs, instance.inputs,
                          {spec.path, "instances[" + std::to_string(instance.index) + "].spec"},
                          instance.node, diagnostics) &&
           ok;
  return ok;
}

} // namespace pm::frontend
