// Inverse rendering: the recovered spec, its defaults and placeholders, and its text.
#include "frontend/parametric/spec_recovery.h"

#include "frontend/bundle/schema_inputs.h"
#include "frontend/bundle/spec.h"
#include "frontend/cloudformation/template_values.h"
#include "frontend/parametric/deployed_matcher.h"
#include "frontend/parametric/fallback_search.h"
#include "frontend/parametric/parametric_reader.h"
#include "ir/expr_equality.h"
#include "ir/expr_text.h"
#include "ir/instantiate.h"
#include "ir/loop_expansion.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>
#include <sstream>

namespace pm::frontend {

namespace {

// The text a schema default compares as, in the same spelling a recovered value uses.
std::optional<std::string> defaultText(const ir::Input& input) {
  return scalarText(input.defaultValue);
}

std::string quoted(const std::string& text) {
  YAML::Emitter emitter;
  emitter << YAML::DoubleQuoted << text;
  return emitter.c_str();
}

std::optional<std::string> typedScalar(ir::InputType type, const std::string& text) {
  if (type == ir::InputType::Boolean) {
    std::string value = lower(text);
    if (value == "true" || value == "false")
      return value;
    return std::nullopt;
  }
  if (type == ir::InputType::Number || type == ir::InputType::Integer) {
    std::istringstream in(text);
    double number = 0;
    if (!(in >> number) || !in.eof())
      return std::nullopt;
    if (type == ir::InputType::Integer &&
        number != static_cast<double>(static_cast<long long>(number)))
      return std::nullopt;
    return text;
  }
  return quoted(text);
}

bool equalsDefault(const ir::Input& input, const RecoveredValue& value) {
  if (value.items) {
    if (!input.defaultValue || input.defaultValue->kind() != ir::ExprKind::List)
      return value.items->empty() && !input.defaultValue;
    std::vector<std::string> defaults;
    for (const ir::ExprPtr& item : input.defaultValue->items())
      defaults.push_back(scalarText(item).value_or(""));
    return defaults == *value.items;
  }
  auto text = defaultText(input);
  if (!text)
    return false;
  if (input.type == ir::InputType::Number || input.type == ir::InputType::Integer)
    return std::strtod(text->c_str(), nullptr) == std::strtod(value.text.c_str(), nullptr);
  return lower(*text) == lower(value.text) &&
         (input.type == ir::InputType::Boolean || *text == value.text);
}

std::string specValue(const ir::Input& input, const RecoveredValue& value) {
  if (!value.items)
    return typedScalar(input.type, value.text).value_or(quoted(value.text));
  std::string list = "[";
  for (const std::string& item : *value.items)
    list +=
        (list.size() > 1 ? ", " : "") + typedScalar(input.itemType, item).value_or(quoted(item));
  return list + "]";
}

// The unrecovered inputs a fallback construct read: their default stays in the spec.
void reportUnrecovered(const ParametricModule& parametric, const RecoveredSpec& recovered,
                       ir::Diagnostics& diagnostics) {
  std::set<std::string> reported;
  for (const ParametricFallback& fallback : parametric.fallbacks) {
    auto marker = fallback.path.find(".inputs.");
    if (marker == std::string::npos)
      continue;
    std::string name = fallback.path.substr(marker + 8);
    name = name.substr(0, name.find('.'));
    if (recovered.inputs.count(name) || !reported.insert(name).second)
      continue;
    diagnostics.report(ir::Severity::Info, "MIG008", fallback.location,
                       "input " + name + " could not be recovered: it only drives " +
                           fallback.construct + " at " + fallback.location.str() +
                           "; its default was kept");
  }
  // The rest never reached the deployed template on its own (unused, or mixed into a value a
  // fallback construct computed from another input). One deployed as undefined was recovered.
  for (const ir::Input& input : recovered.declared)
    if (!recovered.inputs.count(input.name) && !recovered.undefinedInputs.count(input.name) &&
        reported.insert(input.name).second)
      diagnostics.report(ir::Severity::Info, "MIG008", input.location,
                         "input " + input.name +
                             " could not be recovered: no deployed value depends on it alone; "
                             "its default was kept");
}

std::string inputIndent(PartRole part) {
  return part == PartRole::Instance ? "      " : "  ";
}

std::string specText(const RecoveredSpec& recovered, const std::string& instance,
                     const std::string& environment, const std::string& extra) {
  std::string block = extra;
  for (const auto& [name, value] : recovered.changedInputs())
    block += inputIndent(recovered.part) + name + ": " + value + "\n";
  std::string empty = block.empty() ? " {}" : "";
  if (recovered.part == PartRole::Infrastructure)
    return "proton: EnvironmentSpec\nspec:" + empty + "\n" + block;
  if (recovered.part == PartRole::Pipeline)
    return "proton: ServiceSpec\npipeline:" + empty + "\n" + block + "instances: []\n";
  return "proton: ServiceSpec\ninstances:\n  - name: " + quoted(instance) +
         "\n    environment: " + quoted(environment) + "\n    spec:" + empty + "\n" + block;
}

// A spec holding `recovered`'s values, for reading the bundle part with them. A pipeline loops
// over the service's instances, which its deployed template alone does not tell: they come from
// `given` (the spec the request names), with their inputs.
std::optional<Spec> specFrom(const RecoveredSpec& recovered, const Spec* given) {
  if (recovered.part == PartRole::Component)
    return std::nullopt;
  Spec spec;
  // Inputs with neither a default nor a recovered value stay out: the reader's stand-ins keep
  // them symbolic, so an `is defined` test on them stays a guard the deployed template decides.
  spec.document = YAML::Load(specText(recovered, "instance", kDefaultEnvironmentName, ""));
  if (recovered.part == PartRole::Infrastructure) {
    spec.environmentInputs = spec.document["spec"];
    return spec;
  }
  spec.kind = TemplateKind::Service;
  if (recovered.part == PartRole::Pipeline) {
    spec.pipelineInputs = spec.document["pipeline"];
    spec.hasPipelineInputs = true;
    if (given)
      spec.instances = given->instances;
    return spec;
  }
  ServiceInstanceSpec instance;
  instance.node = spec.document["instances"][0];
  instance.name = "instance";
  instance.environment = kDefaultEnvironmentName;
  instance.inputs = instance.node["spec"];
  spec.instances.push_back(instance);
  return spec;
}

std::vector<ir::Input> declaredInputs(const Bundle& bundle, PartRole part) {
  if (!bundle.schema)
    return {};
  const std::optional<InputTypeSchema>& type =
      part == PartRole::Infrastructure ? bundle.schema->environmentInputs
      : part == PartRole::Pipeline     ? bundle.schema->pipelineInputs
                                       : bundle.schema->serviceInputs;
  if (!type || part == PartRole::Component)
    return {};
  return toModelInputs(*type);
}

// The environment outputs given, plus those an earlier match recovered, so constructs rendered
// with concrete values (MIG008) follow the deployed ones; the reader keeps the others symbolic.
jinja::Value seededOutputs(const RenderRequest& request, const RecoveredSpec& seed) {
  jinja::ValueDict outputs;
  if (request.environmentOutputs.isDict())
    outputs = request.environmentOutputs.asDict();
  constexpr std::string_view kEnvironment = "environment.";
  for (const auto& [key, value] : seed.upstreamOutputs)
    if (key.starts_with(kEnvironment) && !outputs.find(key.substr(kEnvironment.size())))
      outputs.set(jinja::Value(key.substr(kEnvironment.size())), jinja::Value(value.text));
  return jinja::Value::dict(std::move(outputs));
}

std::map<std::string, RecoveredValue> givenOutputs(const RenderRequest& request) {
  std::map<std::string, RecoveredValue> given;
  if (request.environmentOutputs.isDict())
    for (const auto& [name, value] : request.environmentOutputs.asDict().entries())
      if (name.isString() && value.isString())
        given["environment." + name.asString()] = {value.asString(), std::nullopt, {}};
  return given;
}

// The context values given, plus those an earlier match recovered (names of the environment,
// service and instance), for the same reason.
std::vector<ContextOverride> seededContext(const RenderRequest& request,
                                           const RecoveredSpec& seed) {
  std::vector<ContextOverride> overrides = request.overrides;
  for (const auto& entry : seed.context) // no structured binding: clang 14 cannot capture one
    if (std::none_of(overrides.begin(), overrides.end(),
                     [&](const ContextOverride& given) { return given.path == entry.first; }))
      overrides.push_back({entry.first, entry.second.text});
  return overrides;
}

// One read of the part with `seed`'s values and one match; its diagnostics go to `diagnostics`.
std::optional<std::pair<RecoveredSpec, ParametricModule>>
readAndMatch(const Bundle& bundle, const RenderRequest& request, const RecoveredSpec& seed,
             const ir::Module& deployed, ir::Diagnostics& diagnostics) {
  std::optional<Spec> spec = specFrom(seed, request.spec);
  RenderRequest read = request;
  read.spec = spec ? &*spec : nullptr;
  read.instance.clear();
  read.environmentOutputs = seededOutputs(request, seed);
  read.overrides = seededContext(request, seed);
  ir::Diagnostics reading;
  auto parametric = readParametricModule(bundle, read, reading);
  // The reader's MIG008 warnings are about conversion; here they become "not recovered" notes.
  for (const ir::Diagnostic& diagnostic : reading.all())
    if (diagnostic.ruleId != "MIG008")
      diagnostics.report(diagnostic.severity, diagnostic.ruleId, diagnostic.location,
                         diagnostic.message);
  if (!parametric)
    return std::nullopt;
  // The deployed stack holds one resource per instance of the spec: match loops expanded.
  if (auto values = requestValues(bundle, read, reading))
    ir::expandLoops(parametric->module, *values);
  RecoveredSpec recovered;
  recovered.kind = parametric->module.kind;
  recovered.part = seed.part;
  recovered.declared = seed.declared;
  recovered.numericProbes = seed.numericProbes;
  // Bound afresh by this match, but for the outputs given: a guarded branch reading another
  // output than the one deployed then does not fit.
  recovered.upstreamOutputs = givenOutputs(request);
  matchDeployed(parametric->module, deployed, recovered, diagnostics);
  return std::pair{std::move(recovered), std::move(*parametric)};
}

// Every number the deployed template holds, as a number or a string.
std::set<double> numbersIn(const ir::Module& deployed) {
  std::set<double> numbers;
  ir::walkModuleExprs(deployed, [&](const ir::Expr& node) {
    if (node.kind() == ir::ExprKind::Number)
      numbers.insert(node.number().value);
    else if (node.kind() == ir::ExprKind::String && !node.text().empty()) {
      char* end = nullptr;
      double value = std::strtod(node.text().c_str(), &end);
      if (end && *end == '\0')
        numbers.insert(value);
    }
    return true;
  });
  return numbers;
}

// `recovered` with the values searched for its unrecovered inputs (fallback_search.h), read and
// matched once more; nothing when the search found no value.
std::optional<std::pair<RecoveredSpec, ParametricModule>>
readSearched(const Bundle& bundle, const RenderRequest& request, const RecoveredSpec& recovered,
             const ir::Module& deployed, ir::Diagnostics& diagnostics) {
  auto trial = [&](const RecoveredSpec& seed) -> std::optional<RecoveredSpec> {
    ir::Diagnostics quiet;
    auto matched = readAndMatch(bundle, request, seed, deployed, quiet);
    return matched ? std::optional(std::move(matched->first)) : std::nullopt;
  };
  RecoveredSpec searched = searchFallbackInputs(recovered, trial, numbersIn(deployed));
  if (searched.searchStopped && !recovered.declared.empty())
    diagnostics.warning("MIG008", recovered.declared.front().location,
                        "the search for inputs only fallback constructs read stopped after " +
                            std::to_string(kMaxFallbackTrials) +
                            " trial renders: the inputs it did not reach keep their defaults");
  if (searched.inputs.size() == recovered.inputs.size() &&
      searched.context.size() == recovered.context.size())
    return std::nullopt;
  auto matched = readAndMatch(bundle, request, searched, deployed, diagnostics);
  // Values only fallback constructs read are not bound by the match: they are the search's.
  if (matched) {
    for (const auto& [name, value] : searched.inputs)
      matched->first.inputs.try_emplace(name, value);
    for (const auto& [path, value] : searched.context)
      matched->first.context.try_emplace(path, value);
  }
  return matched;
}

} // namespace

std::vector<std::pair<std::string, std::string>> RecoveredSpec::changedInputs() const {
  std::vector<std::pair<std::string, std::string>> changed;
  for (const ir::Input& input : declared) {
    auto found = inputs.find(input.name);
    if (found != inputs.end() && !equalsDefault(input, found->second))
      changed.emplace_back(input.name, specValue(input, found->second));
  }
  return changed;
}

std::optional<RecoveredSpec> recoverSpec(const Bundle& bundle, const RenderRequest& request,
                                         const ir::Module& deployed, ir::Diagnostics& diagnostics) {
  RecoveredSpec seed;
  seed.part = request.part;
  seed.declared = declaredInputs(bundle, request.part);
  ir::Diagnostics first;
  auto once = readAndMatch(bundle, request, seed, deployed, first);
  if (!once) {
    diagnostics.append(first);
    return std::nullopt;
  }
  // Fallback constructs rendered with the seed's values; reading again with what was recovered
  // makes them follow the deployed values. Only the last match reports.
  ir::Diagnostics second;
  auto twice = readAndMatch(bundle, request, once->first, deployed, second);
  auto& result = twice ? *twice : *once;
  ir::Diagnostics* reported = twice ? &second : &first;
  // Drift left may come from inputs only fallback constructs read: search their values.
  ir::Diagnostics third;
  std::optional<std::pair<RecoveredSpec, ParametricModule>> searched;
  if (result.first.drift > 0)
    searched = readSearched(bundle, request, result.first, deployed, third);
  auto& chosen = searched ? *searched : result;
  diagnostics.append(searched ? third : *reported);
  reportUnrecovered(chosen.second, chosen.first, diagnostics);
  return std::move(chosen.first);
}

std::string writeRecoveredSpec(const RecoveredSpec& recovered, const std::string& instance,
                               const std::string& environment) {
  return specText(recovered, instance, environment, "");
}

} // namespace pm::frontend
