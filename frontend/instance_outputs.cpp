// Instance outputs a pipeline can know without the deployed instance stacks.
#include "frontend/instance_outputs.h"

#include "frontend/render.h"

namespace pm::frontend {

namespace {

// Proton holds every output as a string (Output.valueString): the literal as written.
std::optional<std::string> literalText(const ir::Expr& value) {
  switch (value.kind()) {
  case ir::ExprKind::String:
    return value.text();
  case ir::ExprKind::Number:
    return value.number().text;
  case ir::ExprKind::Bool:
    return value.boolean() ? "true" : "false";
  default:
    return std::nullopt;
  }
}

jinja::Value literalOutputsOf(const Bundle& bundle, const BundlePart& instancePart,
                              const RenderRequest& instanceRequest) {
  jinja::ValueDict outputs;
  ir::Diagnostics scratch;
  auto text = renderPart(bundle, instanceRequest, scratch);
  if (!text)
    return jinja::Value::dict(std::move(outputs));
  auto module = readRenderedTemplate(bundle, instancePart, *text, scratch);
  if (module)
    for (const ir::Output& output : module->outputs)
      if (auto literal = output.value ? literalText(*output.value) : std::nullopt)
        outputs.set(jinja::Value(output.name), jinja::Value(*literal));
  return jinja::Value::dict(std::move(outputs));
}

} // namespace

std::map<std::string, jinja::Value> literalInstanceOutputs(const Bundle& bundle,
                                                           const RenderRequest& request) {
  std::map<std::string, jinja::Value> outputs;
  const BundlePart* instancePart = bundle.part(PartRole::Instance);
  if (!request.spec || !instancePart || instancePart->engine() != RenderingEngine::Jinja)
    return outputs;
  for (const ServiceInstanceSpec& instance : request.spec->instances) {
    RenderRequest instanceRequest = request;
    instanceRequest.part = PartRole::Instance;
    instanceRequest.instance = instance.name;
    outputs[instance.name] = literalOutputsOf(bundle, *instancePart, instanceRequest);
  }
  return outputs;
}

} // namespace pm::frontend
