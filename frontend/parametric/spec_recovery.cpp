// Inverse rendering: structural matching of a parametric module against a deployed template.
#include "frontend/parametric/spec_recovery.h"

#include "frontend/bundle/schema_inputs.h"
#include "frontend/bundle/spec.h"
#include "frontend/parametric/parametric_reader.h"
#include "ir/expr_equality.h"
#include "ir/expr_text.h"
#include "ir/instantiate.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <regex>
#include <set>
#include <sstream>

namespace pm::frontend {

namespace {

constexpr const char* kDrift = "MIG023";

bool isReference(const ir::Expr& expr) {
  return expr.kind() == ir::ExprKind::InputRef || expr.kind() == ir::ExprKind::ContextRef ||
         expr.kind() == ir::ExprKind::UpstreamOutputRef;
}

bool hasReferences(const ir::ExprPtr& root) {
  bool found = false;
  ir::walkExpr(root, [&](const ir::Expr& node) {
    found = found || isReference(node);
    return !found;
  });
  return found;
}

// What Jinja printed for a deployed scalar; nothing for lists, maps and intrinsics.
std::optional<std::string> scalarText(const ir::ExprPtr& expr) {
  if (!expr)
    return std::nullopt;
  switch (expr->kind()) {
  case ir::ExprKind::String:
    return expr->text();
  case ir::ExprKind::Number:
    return expr->number().text;
  case ir::ExprKind::Bool:
    return expr->boolean() ? "true" : "false";
  default:
    return std::nullopt;
  }
}

std::string lower(std::string text) {
  for (char& c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// get-template JSON writes every Fn::GetAtt in its list form; the short form is the same call.
bool sameGetAtt(const ir::Expr& a, const ir::Expr& b) {
  return a.kind() == ir::ExprKind::GetAtt && b.kind() == ir::ExprKind::GetAtt &&
         !a.getAtt().attributeExpr && !b.getAtt().attributeExpr &&
         a.getAtt().logicalId == b.getAtt().logicalId &&
         a.getAtt().attribute == b.getAtt().attribute;
}

// One piece of a string pattern: literal text, or a reference whose value fills the gap.
struct Piece {
  std::string literal;
  ir::ExprPtr reference; // set for a hole
};

// Holes filled left to right, each with the shortest text that lets the rest match.
bool fillHoles(const std::vector<Piece>& pieces, std::size_t index, const std::string& text,
               std::size_t position, std::vector<std::string>& filled) {
  if (index == pieces.size())
    return position == text.size();
  const Piece& piece = pieces[index];
  if (!piece.reference) {
    if (text.compare(position, piece.literal.size(), piece.literal) != 0)
      return false;
    return fillHoles(pieces, index + 1, text, position + piece.literal.size(), filled);
  }
  bool last = index + 1 == pieces.size();
  for (std::size_t end = last ? text.size() : position; end <= text.size(); ++end) {
    filled[index] = text.substr(position, end - position);
    if (fillHoles(pieces, index + 1, text, end, filled))
      return true;
  }
  return false;
}

class Matcher {
public:
  Matcher(RecoveredSpec& out, ir::Diagnostics& diagnostics)
      : out_(out), diagnostics_(diagnostics) {}

  void matchModules(const ir::Module& bundle, const ir::Module& deployed) {
    matchResources(bundle, deployed);
    matchOutputs(bundle, deployed);
    for (const ir::Condition& condition : bundle.conditions) {
      const ir::Condition* other = deployed.findCondition(condition.name);
      if (other)
        match(condition.expression, other->expression, "condition " + condition.name, {});
      else
        drift(deployed.location, "condition '" + condition.name + "' is not deployed");
    }
    for (const ir::Mapping& mapping : bundle.mappings)
      if (const ir::Mapping* other = deployed.findMapping(mapping.name))
        match(mapping.entries, other->entries, "mapping " + mapping.name, {});
  }

private:
  void drift(const ir::SourceLocation& at, const std::string& message) {
    ++out_.drift;
    diagnostics_.warning(kDrift, at, "deployed template departs from the bundle: " + message);
  }

  void matchResources(const ir::Module& bundle, const ir::Module& deployed) {
    for (const ir::Resource& resource : bundle.resources) {
      const ir::Resource* other = deployed.findResource(resource.logicalId);
      if (!other) {
        drift(deployed.location,
              "resource '" + resource.logicalId + "' (" + resource.location.str() + ") is missing");
        continue;
      }
      std::string where = "resource " + resource.logicalId;
      if (resource.type != other->type)
        drift(other->typeLocation,
              where + " has type " + other->type + ", the bundle gives " + resource.type);
      match(resource.properties, other->properties, where + " properties", other->location);
      match(resource.deletionPolicy, other->deletionPolicy, where + " DeletionPolicy",
            other->location);
      match(resource.updateReplacePolicy, other->updateReplacePolicy,
            where + " UpdateReplacePolicy", other->location);
      match(resource.metadata, other->metadata, where + " Metadata", other->location);
    }
    for (const ir::Resource& resource : deployed.resources)
      if (!bundle.findResource(resource.logicalId))
        drift(resource.location,
              "resource '" + resource.logicalId + "' is deployed but not in the bundle");
  }

  void matchOutputs(const ir::Module& bundle, const ir::Module& deployed) {
    for (const ir::Output& output : bundle.outputs) {
      const ir::Output* other = deployed.findOutput(output.name);
      if (!other) {
        drift(deployed.location, "output '" + output.name + "' is missing");
        continue;
      }
      match(output.value, other->value, "output " + output.name, other->location);
      match(output.exportName, other->exportName, "output " + output.name + " export",
            other->location);
    }
    for (const ir::Output& output : deployed.outputs)
      if (!bundle.findOutput(output.name))
        drift(output.location, "output '" + output.name + "' is deployed but not in the bundle");
  }

  // `bundle` and `deployed` at the same position; `fallback` locates a missing deployed node.
  void match(const ir::ExprPtr& bundle, const ir::ExprPtr& deployed, const std::string& where,
             const ir::SourceLocation& fallback) {
    const ir::SourceLocation& at = deployed ? deployed->location() : fallback;
    if (!bundle || !deployed) {
      if (bundle || deployed)
        drift(at, where + (bundle ? " is missing" : " is not in the bundle"));
      return;
    }
    if (isReference(*bundle))
      return bindWhole(*bundle, deployed, where);
    if (bundle->kind() == ir::ExprKind::Sub && hasReferences(bundle))
      return matchSub(*bundle, deployed, where);
    if (!hasReferences(bundle)) {
      if (!ir::equalExprs(bundle, deployed) && !sameGetAtt(*bundle, *deployed))
        drift(at, where + " is " + ir::exprText(deployed) + ", the bundle gives " +
                      ir::exprText(bundle));
      return;
    }
    if (bundle->kind() != deployed->kind())
      return drift(at, where + " is " + ir::exprText(deployed) + ", the bundle gives " +
                           ir::exprText(bundle));
    matchChildren(*bundle, *deployed, where);
  }

  void matchChildren(const ir::Expr& bundle, const ir::Expr& deployed, const std::string& where) {
    if (bundle.kind() == ir::ExprKind::Map)
      return matchMaps(bundle, deployed, where);
    auto ours = bundle.children();
    auto theirs = deployed.children();
    bool sameHead = true;
    if (bundle.kind() == ir::ExprKind::If)
      sameHead = bundle.name() == deployed.name();
    if (bundle.kind() == ir::ExprKind::GetAtt)
      sameHead = bundle.getAtt().logicalId == deployed.getAtt().logicalId &&
                 bundle.getAtt().attribute == deployed.getAtt().attribute;
    if (!sameHead || ours.size() != theirs.size())
      return drift(deployed.location(), where + " does not have the bundle's shape (" +
                                            std::string(ir::exprKindName(bundle.kind())) + ")");
    for (std::size_t i = 0; i < ours.size(); ++i)
      match(ours[i], theirs[i], where + "[" + std::to_string(i) + "]", deployed.location());
  }

  void matchMaps(const ir::Expr& bundle, const ir::Expr& deployed, const std::string& where) {
    for (const ir::MapEntry& entry : bundle.entries()) {
      const ir::MapEntry* other = deployed.find(entry.key);
      if (!other) {
        drift(deployed.location(), where + "." + entry.key + " is missing");
        continue;
      }
      match(entry.value, other->value, where + "." + entry.key, other->keyLocation);
    }
    for (const ir::MapEntry& entry : deployed.entries())
      if (!bundle.find(entry.key))
        drift(entry.keyLocation, where + "." + entry.key + " is not in the bundle");
  }

  void bindWhole(const ir::Expr& reference, const ir::ExprPtr& deployed, const std::string& where) {
    RecoveredValue value;
    value.location = deployed->location();
    if (auto text = scalarText(deployed)) {
      value.text = *text;
    } else if (deployed->kind() == ir::ExprKind::List) {
      value.items.emplace();
      for (const ir::ExprPtr& item : deployed->items())
        value.items->push_back(scalarText(item).value_or(ir::exprText(item)));
    } else {
      return drift(deployed->location(), where + " is " + ir::exprText(deployed) +
                                             " where the bundle has a value of " +
                                             referenceName(reference));
    }
    bind(reference, std::move(value));
  }

  static std::string referenceName(const ir::Expr& reference) {
    if (reference.kind() == ir::ExprKind::UpstreamOutputRef)
      return reference.upstreamOutput().module + "." + reference.upstreamOutput().output;
    return reference.name();
  }

  std::map<std::string, RecoveredValue>& tableOf(const ir::Expr& reference) {
    if (reference.kind() == ir::ExprKind::InputRef)
      return out_.inputs;
    if (reference.kind() == ir::ExprKind::ContextRef)
      return out_.context;
    return out_.upstreamOutputs;
  }

  // Booleans print as True in Jinja and true in YAML: compared case-insensitively.
  bool sameValue(const RecoveredValue& a, const RecoveredValue& b) const {
    if (a.items || b.items)
      return a.items == b.items;
    return a.text == b.text || lower(a.text) == lower(b.text);
  }

  void bind(const ir::Expr& reference, RecoveredValue value) {
    auto& table = tableOf(reference);
    std::string name = referenceName(reference);
    auto [found, inserted] = table.emplace(name, value);
    if (inserted || sameValue(found->second, value))
      return;
    drift(value.location, name + " is '" + value.text + "' here but '" + found->second.text +
                              "' at " + found->second.location.str());
  }

  std::vector<Piece> patternOf(const ir::SubTemplate& sub) {
    bool concatenation = ir::isConcatenation(sub);
    std::vector<Piece> pieces;
    auto literal = [&](const std::string& text) {
      if (!pieces.empty() && !pieces.back().reference)
        pieces.back().literal += text;
      else
        pieces.push_back({text, nullptr});
    };
    for (const ir::SubPart& part : sub.parts) {
      if (part.kind == ir::SubPart::Kind::Text)
        literal(part.text);
      else if (part.kind == ir::SubPart::Kind::EscapedVariable)
        literal(concatenation ? "${" + part.text + "}" : "${!" + part.text + "}");
      else if (ir::ExprPtr reference = variableReference(sub, part))
        pushHole(pieces, reference, literal);
      else
        literal("${" + part.name + (part.attribute.empty() ? "" : "." + part.attribute) + "}");
    }
    return pieces;
  }

  template <typename Literal>
  void pushHole(std::vector<Piece>& pieces, const ir::ExprPtr& reference, Literal& literal) {
    auto& table = tableOf(*reference);
    auto found = table.find(referenceName(*reference));
    // A value already recovered elsewhere is literal text here, which narrows the match.
    if (found != table.end() && !found->second.items)
      literal(found->second.text);
    else
      pieces.push_back({"", reference});
  }

  static ir::ExprPtr variableReference(const ir::SubTemplate& sub, const ir::SubPart& part) {
    if (!part.attribute.empty())
      return nullptr;
    for (const ir::MapEntry& entry : sub.variables)
      if (entry.key == part.name && entry.value && isReference(*entry.value))
        return entry.value;
    return nullptr;
  }

  void matchSub(const ir::Expr& bundle, const ir::ExprPtr& deployed, const std::string& where) {
    const ir::SubTemplate& sub = bundle.sub();
    std::optional<std::string> text;
    if (ir::isConcatenation(sub))
      text = scalarText(deployed);
    else if (deployed->kind() == ir::ExprKind::Sub)
      text = ir::subSource(deployed->sub().parts);
    if (!text)
      return drift(deployed->location(),
                   where + " is " + ir::exprText(deployed) + ", the bundle gives a string");
    if (!ir::isConcatenation(sub))
      matchKeptVariables(sub, deployed->sub(), where, deployed->location());
    matchPattern(patternOf(sub), *text, deployed->location(), where, sub);
  }

  void matchKeptVariables(const ir::SubTemplate& sub, const ir::SubTemplate& deployed,
                          const std::string& where, const ir::SourceLocation& at) {
    for (const ir::MapEntry& entry : sub.variables) {
      if (entry.value && isReference(*entry.value))
        continue;
      auto other = std::find_if(deployed.variables.begin(), deployed.variables.end(),
                                [&](const ir::MapEntry& e) { return e.key == entry.key; });
      match(entry.value, other == deployed.variables.end() ? nullptr : other->value,
            where + " variable " + entry.key, at);
    }
  }

  void matchPattern(const std::vector<Piece>& pieces, const std::string& text,
                    const ir::SourceLocation& at, const std::string& where,
                    const ir::SubTemplate& sub) {
    for (std::size_t i = 1; i < pieces.size(); ++i)
      if (pieces[i].reference && pieces[i - 1].reference) {
        diagnostics_.warning(kDrift, at,
                             where + ": " + referenceName(*pieces[i - 1].reference) + " and " +
                                 referenceName(*pieces[i].reference) + " are adjacent, so '" +
                                 text +
                                 "' cannot be split between them; neither was recovered here");
        return;
      }
    std::vector<std::string> filled(pieces.size());
    if (!fillHoles(pieces, 0, text, 0, filled))
      return drift(at, where + " is '" + text + "', which does not fit the bundle's '" +
                           ir::subSource(sub.parts) + "'");
    for (std::size_t i = 0; i < pieces.size(); ++i)
      if (pieces[i].reference)
        bind(*pieces[i].reference, {filled[i], std::nullopt, at});
  }

  RecoveredSpec& out_;
  ir::Diagnostics& diagnostics_;
};

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
  // fallback construct computed from another input).
  for (const ir::Input& input : recovered.declared)
    if (!recovered.inputs.count(input.name) && reported.insert(input.name).second)
      diagnostics.report(ir::Severity::Info, "MIG008", input.location,
                         "input " + input.name +
                             " could not be recovered: no deployed value depends on it alone; "
                             "its default was kept");
}

// Inputs without a default and not recovered (yet) render with a placeholder of their type, so
// the template renders; a later match binds them.
std::string placeholderLines(const RecoveredSpec& recovered, const std::string& indent) {
  std::string lines;
  for (const ir::Input& input : recovered.declared) {
    if (input.defaultValue || recovered.inputs.count(input.name))
      continue;
    std::string value = input.type == ir::InputType::Boolean  ? "false"
                        : input.type == ir::InputType::List   ? "[]"
                        : input.type == ir::InputType::String ? "\"placeholder\""
                                                              : "0";
    lines += indent + input.name + ": " + value + "\n";
  }
  return lines;
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

// A spec holding `recovered`'s values, for reading the bundle part with them.
std::optional<Spec> specFrom(const RecoveredSpec& recovered) {
  if (recovered.part == PartRole::Component)
    return std::nullopt;
  Spec spec;
  spec.document = YAML::Load(specText(recovered, "instance", kDefaultEnvironmentName,
                                      placeholderLines(recovered, inputIndent(recovered.part))));
  if (recovered.part == PartRole::Infrastructure) {
    spec.environmentInputs = spec.document["spec"];
    return spec;
  }
  spec.kind = TemplateKind::Service;
  if (recovered.part == PartRole::Pipeline) {
    spec.pipelineInputs = spec.document["pipeline"];
    spec.hasPipelineInputs = true;
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

// The environment outputs the part's template names (environment.outputs.X): the reader keeps
// only outputs it has a value for symbolic, so each gets the recovered value or a placeholder.
jinja::Value seededOutputs(const Bundle& bundle, const RenderRequest& request,
                           const RecoveredSpec& seed) {
  jinja::ValueDict outputs;
  if (request.environmentOutputs.isDict())
    outputs = request.environmentOutputs.asDict();
  const BundlePart* part = bundle.part(request.part);
  std::string text;
  if (part && !part->templatePath.empty())
    text = bundle.files.read(part->templatePath).value_or("");
  static const std::regex named(R"(environment\.outputs\.([A-Za-z_][A-Za-z0-9_]*))");
  for (std::sregex_iterator it(text.begin(), text.end(), named), end; it != end; ++it) {
    std::string name = (*it)[1];
    if (outputs.find(name))
      continue;
    auto recovered = seed.upstreamOutputs.find("environment." + name);
    outputs.set(jinja::Value(name),
                jinja::Value(recovered == seed.upstreamOutputs.end() ? std::string("placeholder")
                                                                     : recovered->second.text));
  }
  return jinja::Value::dict(std::move(outputs));
}

// One read of the part with `seed`'s values and one match; its diagnostics go to `diagnostics`.
std::optional<std::pair<RecoveredSpec, ParametricModule>>
readAndMatch(const Bundle& bundle, const RenderRequest& request, const RecoveredSpec& seed,
             const ir::Module& deployed, ir::Diagnostics& diagnostics) {
  std::optional<Spec> spec = specFrom(seed);
  RenderRequest read = request;
  read.spec = spec ? &*spec : nullptr;
  read.instance.clear();
  read.environmentOutputs = seededOutputs(bundle, request, seed);
  ir::Diagnostics reading;
  auto parametric = readParametricModule(bundle, read, reading);
  // The reader's MIG008 warnings are about conversion; here they become "not recovered" notes.
  for (const ir::Diagnostic& diagnostic : reading.all())
    if (diagnostic.ruleId != "MIG008")
      diagnostics.report(diagnostic.severity, diagnostic.ruleId, diagnostic.location,
                         diagnostic.message);
  if (!parametric)
    return std::nullopt;
  RecoveredSpec recovered;
  recovered.kind = parametric->module.kind;
  recovered.part = seed.part;
  recovered.declared = seed.declared;
  recovered.upstreamOutputs = {}; // bound afresh by this match
  Matcher(recovered, diagnostics).matchModules(parametric->module, deployed);
  return std::pair{std::move(recovered), std::move(*parametric)};
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
  // Fallback constructs and placeholders rendered with the seed's values; reading again with
  // what was recovered makes them follow the deployed values. Only the second match reports.
  ir::Diagnostics second;
  auto twice = readAndMatch(bundle, request, once->first, deployed, second);
  auto& result = twice ? *twice : *once;
  diagnostics.append(twice ? second : first);
  reportUnrecovered(result.second, result.first, diagnostics);
  return std::move(result.first);
}

std::string writeRecoveredSpec(const RecoveredSpec& recovered, const std::string& instance,
                               const std::string& environment) {
  return specText(recovered, instance, environment, "");
}

} // namespace pm::frontend
