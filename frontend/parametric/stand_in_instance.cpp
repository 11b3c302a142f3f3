// The stand-in instance of a pipeline read without instances.
#include "frontend/parametric/stand_in_instance.h"

#include "frontend/instance_outputs.h"
#include "frontend/parametric/symbolic_context.h"
#include "ir/line_index.h"

#include <yaml-cpp/yaml.h>

namespace pm::frontend {

namespace {

constexpr std::string_view kIndexed = "service_instances[";

// Every environment output the instance template names, empty where none was given: rendering
// the instance for its literal outputs must not stop at one it does not need.
jinja::Value outputsWithStandIns(const Bundle& bundle, const jinja::Value& given) {
  jinja::ValueDict outputs = given.isDict() ? given.asDict() : jinja::ValueDict();
  const BundlePart* instance = bundle.part(PartRole::Instance);
  std::string text = instance ? bundle.files.read(instance->templatePath).value_or("") : "";
  for (const std::string& name : environmentOutputsNamed(text))
    if (!outputs.find(name))
      outputs.set(jinja::Value(name), jinja::Value(std::string()));
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
  diagnostics.warning("MIG008", ir::LineIndex(text).locate(path, indexed),
                      "the pipeline indexes service_instances but no spec lists the service's "
                      "instances: it is read with a stand-in instance on the schema defaults; "
                      "give --spec with the instances for an exact conversion");
  return reading;
}

} // namespace pm::frontend
