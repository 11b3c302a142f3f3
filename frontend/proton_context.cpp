// Building Proton's Jinja data tree.
#include "frontend/proton_context.h"

#include "frontend/yaml/python_yaml.h"
#include "frontend/yaml/yaml_file.h"

namespace pm::frontend {

namespace {

constexpr const char* kBadContext = "PRS010";

jinja::Value makeDict(std::initializer_list<std::pair<const char*, jinja::Value>> entries) {
  jinja::ValueDict dict;
  for (const auto& [key, value] : entries)
    dict.set(jinja::Value(key), value);
  return jinja::Value::dict(std::move(dict));
}

// Schema defaults first, then the spec's values over them: Python's {**defaults, **spec}.
jinja::Value inputsOf(const InputTypeSchema* type, const YAML::Node& values,
                      const std::string& path, ir::Diagnostics& diagnostics) {
  jinja::ValueDict inputs;
  if (type)
    for (const auto& property : type->properties)
      if (property.defaultValue)
        inputs.set(jinja::Value(property.name), *property.defaultValue);
  if (values && values.IsMap())
    for (const auto& entry : values) {
      auto key = toPythonValue(entry.first, path, diagnostics);
      auto value = toPythonValue(entry.second, path, diagnostics);
      if (key && value)
        inputs.set(*key, *value);
    }
  return jinja::Value::dict(std::move(inputs));
}

class ContextBuilder {
public:
  ContextBuilder(const Bundle& bundle, const RenderRequest& request, ir::Diagnostics& diagnostics)
      : bundle_(bundle), request_(request), diagnostics_(diagnostics) {}

  std::optional<jinja::Value> build() {
    std::optional<jinja::Value> context;
    switch (request_.part) {
    case PartRole::Infrastructure:
      context =
          bundle_.kind == BundleKind::PlainTemplate ? jinja::Value::dict() : environmentContext();
      break;
    case PartRole::Instance:
      context = instanceContext();
      break;
    case PartRole::Pipeline:
      context = pipelineContext();
      break;
    case PartRole::Component:
      context = componentContext();
      break;
    }
    if (!context || !applyOverrides(*context))
      return std::nullopt;
    return context;
  }

private:
  const InputTypeSchema* schemaType(const std::optional<InputTypeSchema>& type) const {
    return type ? &*type : nullptr;
  }

  std::string specPath() const { return request_.spec ? request_.spec->path : std::string(); }

  jinja::Value environmentContext() {
    YAML::Node values = request_.spec ? request_.spec->environmentInputs : YAML::Node();
    const InputTypeSchema* type =
        bundle_.schema ? schemaType(bundle_.schema->environmentInputs) : nullptr;
    return makeDict({{"environment",
                      makeDict({{"name", jinja::Value(kDefaultEnvironmentName)},
                                {"inputs", inputsOf(type, values, specPath(), diagnostics_)}})}});
  }

  // Each use gets its own dict, as in Proton's tree; the outputs map itself is shared.
  jinja::Value environmentOf(const std::string& name) const {
    return makeDict({{"name", jinja::Value(name)},
                     {"account_id", jinja::Value(kDefaultAccountId)},
                     {"outputs", request_.environmentOutputs}});
  }

  jinja::Value service() const {
    std::string name = request_.spec && request_.spec->serviceName ? *request_.spec->serviceName
                                                                   : kDefaultServiceName;
    return makeDict({{"name", jinja::Value(name)},
                     {"repository_connection_arn", jinja::Value("")},
                     {"repository_id", jinja::Value("")},
                     {"branch_name", jinja::Value("")}});
  }

  std::vector<ServiceInstanceSpec> instances() const {
    if (request_.spec && !request_.spec->instances.empty())
      return request_.spec->instances;
    ServiceInstanceSpec placeholder;
    placeholder.name = "instance";
    placeholder.environment = kDefaultEnvironmentName;
    return {placeholder};
  }

  std::optional<ServiceInstanceSpec> selectedInstance() {
    auto all = instances();
    if (request_.instance.empty())
      return all.front();
    for (const auto& instance : all)
      if (instance.name == request_.instance)
        return instance;
    // Located at the spec's first instance, where the names the spec has begin.
    bool listed = request_.spec && !request_.spec->instances.empty() && all.front().node;
    ir::SourceLocation where =
        listed ? locationOf(specPath(), all.front().node)
               : ir::SourceLocation{specPath().empty() ? bundle_.files.displayRoot() : specPath(),
                                    0, 0};
    std::string names;
    for (const auto& instance : all)
      names += (names.empty() ? "" : ", ") + instance.name;
    diagnostics_.error(kBadContext, where,
                       "no instance named '" + request_.instance + "' in the spec (it has " +
                           names + ")");
    return std::nullopt;
  }

  jinja::Value instanceInputs(const ServiceInstanceSpec& instance) {
    const InputTypeSchema* type =
        bundle_.schema ? schemaType(bundle_.schema->serviceInputs) : nullptr;
    return inputsOf(type, instance.inputs, specPath(), diagnostics_);
  }

  std::string environmentNameOf(const ServiceInstanceSpec& instance) const {
    return instance.environment.empty() ? kDefaultEnvironmentName : instance.environment;
  }

  std::optional<jinja::Value> instanceContext() {
    auto instance = selectedInstance();
    if (!instance)
      return std::nullopt;
    jinja::Value component =
        makeDict({{"outputs",
                   request_.componentOutputs ? *request_.componentOutputs : jinja::Value::dict()}});
    jinja::Value serviceInstance =
        makeDict({{"name", jinja::Value(instance->name)},
                  {"inputs", instanceInputs(*instance)},
                  {"environment", environmentOf(environmentNameOf(*instance))},
                  {"components", makeDict({{"default", component}})}});
    return makeDict({{"environment", environmentOf(environmentNameOf(*instance))},
                     {"service", service()},
                     {"service_instance", serviceInstance}});
  }

  jinja::Value outputsOf(const ServiceInstanceSpec& instance) const {
    auto found = request_.instanceOutputs.find(instance.name);
    return found == request_.instanceOutputs.end() ? jinja::Value::dict() : found->second;
  }

  std::optional<jinja::Value> pipelineContext() {
    YAML::Node values = request_.spec ? request_.spec->pipelineInputs : YAML::Node();
    const InputTypeSchema* type =
        bundle_.schema ? schemaType(bundle_.schema->pipelineInputs) : nullptr;
    jinja::ValueList serviceInstances;
    for (const auto& instance : instances())
      serviceInstances.push_back(
          makeDict({{"name", jinja::Value(instance.name)},
                    {"inputs", instanceInputs(instance)},
                    {"outputs", outputsOf(instance)},
                    {"environment", environmentOf(environmentNameOf(instance))}}));
    return makeDict(
        {{"service", service()},
         {"pipeline", makeDict({{"inputs", inputsOf(type, values, specPath(), diagnostics_)}})},
         {"service_instances", jinja::Value::list(std::move(serviceInstances))}});
  }

  // A directly defined component reads its environment and, when attached (a ServiceSpec is
  // given), the service instance it is attached to.
  std::optional<jinja::Value> componentContext() {
    jinja::Value component = makeDict({{"name", jinja::Value(bundle_.name)}});
    if (!request_.spec || request_.spec->kind != TemplateKind::Service)
      return makeDict(
          {{"environment", environmentOf(kDefaultEnvironmentName)}, {"component", component}});
    auto instance = selectedInstance();
    if (!instance)
      return std::nullopt;
    jinja::Value serviceInstance =
        makeDict({{"name", jinja::Value(instance->name)},
                  {"inputs", inputsOf(nullptr, instance->inputs, specPath(), diagnostics_)}});
    return makeDict({{"environment", environmentOf(environmentNameOf(*instance))},
                     {"service", service()},
                     {"service_instance", serviceInstance},
                     {"component", component}});
  }

  bool applyOverrides(jinja::Value& context) {
    for (const auto& override : request_.overrides)
      if (!applyOverride(context, override))
        return false;
    return true;
  }

  // The reference renderer's rule: `environment.*` also reaches every pipeline loop item's
  // environment; a path whose head is not in this file's tree is ignored (with a warning here).
  bool applyOverride(jinja::Value& context, const ContextOverride& override) {
    std::vector<std::string> keys;
    std::size_t start = 0;
    for (std::size_t dot; (dot = override.path.find('.', start)) != std::string::npos;
         start = dot + 1)
      keys.push_back(override.path.substr(start, dot - start));
    keys.push_back(override.path.substr(start));
    if (keys.size() < 2) {
      diagnostics_.error(kBadContext, {},
                         "--context " + override.path +
                             ": name a value inside the tree, e.g. service.name");
      return false;
    }
    std::vector<jinja::Value> targets;
    if (const jinja::Value* head = context.asDict().find(keys[0]); head && head->isDict())
      targets.push_back(*head);
    if (keys[0] == "environment")
      if (const jinja::Value* items = context.asDict().find(std::string("service_instances")))
        for (const auto& item : items->asList())
          if (const jinja::Value* environment = item.asDict().find(std::string("environment")))
            targets.push_back(*environment);
    if (targets.empty())
      diagnostics_.warning(kBadContext, {},
                           "--context " + override.path + ": this " + partRoleName(request_.part) +
                               " file has no '" + keys[0] + "'; ignored");
    for (auto& target : targets)
      if (!setPath(target, keys, override))
        return false;
    return true;
  }

  bool setPath(jinja::Value target, const std::vector<std::string>& keys,
               const ContextOverride& override) {
    for (std::size_t i = 1; i + 1 < keys.size(); ++i) {
      const jinja::Value* next = target.asDict().find(keys[i]);
      if (!next) {
        target.mutableDict().set(jinja::Value(keys[i]), jinja::Value::dict());
        next = target.asDict().find(keys[i]);
      }
      if (!next->isDict()) {
        diagnostics_.error(kBadContext, {},
                           "--context " + override.path + ": '" + keys[i] + "' is not a mapping");
        return false;
      }
      target = *next;
    }
    target.mutableDict().set(jinja::Value(keys.back()), jinja::Value(override.value));
    return true;
  }

  const Bundle& bundle_;
  const RenderRequest& request_;
  ir::Diagnostics& diagnostics_;
};

} // namespace

std::optional<jinja::Value> buildContext(const Bundle& bundle, const RenderRequest& request,
                                         ir::Diagnostics& diagnostics) {
  ContextBuilder builder(bundle, request, diagnostics);
  return builder.build();
}

} // namespace pm::frontend
