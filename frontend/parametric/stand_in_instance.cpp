// The stand-in instance of a pipeline read without instances.
#include "frontend/parametric/stand_in_instance.h"

#include "frontend/instance_outputs.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <regex>

namespace pm::frontend {

namespace {

constexpr std::string_view kIndexed = "service_instances[";

ir::SourceLocation locationOf(const std::string& text, std::size_t offset,
                              const std::string& path) {
  int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
  std::size_t lineStart = text.rfind('\n', offset);
  int column = static_cast<int>(offset - (lineStart == std::string::npos ? 0 : lineStart + 1)) + 1;
  return {path, line, column};
}

// Every environment output the instance template names, empty where none was given: rendering
// the instance for its literal outputs must not stop at one it does not need.
jinja::Value outputsWithStandIns(const Bundle& bundle, const jinja::Value& given) {
  jinja::ValueDict outputs = given.isDict() ? given.asDict() : jinja::ValueDict();
  const BundlePart* instance = bundle.part(PartRole::Instance);
  std::string text = instance ? bundle.files.read(instance->templatePath).value_or("") : "";
  static const std::regex named(R"(environment\.outputs\.([A-Za-z_][A-Za-z0-9_]*))");
  for (std::sregex_iterator it(text.begin(), text.end(), named), end; it != end; ++it)
    if (!outputs.find(std::string((*it)[1])))
      outputs.set(jinja::Value(std::string((*it)[1])), jinja::Value(std::string()));
  return jinja::Value::dict(std::move(outputs));
}

void fillStandInSpec(const RenderRequest& request, Spec& storage) {
  storage = request.spec ? *request.spec : Spec();
  storage.kind = TemplateKind::Service;
  storage.document = YAML::Load(
      "name: instance\nenvironment: " + std::string(kDefaultEnvironmentName) + "\nspec: {}\n");
  ServiceInstanceSpec instance;
  instance.name = "instance";
  instance.environment = kDefaultEnvironmentName;
  instance.node = storage.document;
  instance.inputs = storage.document["spec"];
  storage.instances = {instance};
}

} // namespace

RenderRequest withStandInInstance(const Bundle& bundle, const RenderRequest& request,
                                  const std::string& text, const std::string& path, Spec& storage,
                                  ir::Diagnostics& diagnostics) {
  std::size_t indexed = text.find(kIndexed);
  bool listed = request.spec && !request.spec->instances.empty();
  if (request.part != PartRole::Pipeline || listed || indexed == std::string::npos ||
      !bundle.part(PartRole::Instance))
    return request;
  fillStandInSpec(request, storage);
  RenderRequest reading = request;
  reading.spec = &storage;
  RenderRequest instance = reading;
  instance.environmentOutputs = outputsWithStandIns(bundle, request.environmentOutputs);
  reading.instanceOutputs = literalInstanceOutputs(bundle, instance);
  diagnostics.warning("MIG008", locationOf(text, indexed, path),
                      "the pipeline indexes service_instances but no spec lists the service's "
                      "instances: it is read with a stand-in instance on the schema defaults; "
                      "give --spec with the instances for an exact conversion");
  return reading;
}

} // namespace pm::frontend
