// Symbolic rendering, sentinel lifting and the fallbacks of parametric mode.
#include "frontend/parametric/parametric_reader.h"

#include "frontend/bundle/schema_inputs.h"
#include "frontend/cloudformation/cloudformation_reader.h"
#include "frontend/jinja/jinja.h"
#include "frontend/parametric/guard_expansion.h"
#include "frontend/parametric/loop_collections.h"
#include "frontend/parametric/loop_lifting.h"
#include "frontend/parametric/sentinel_lifting.h"
#include "frontend/parametric/stand_in_instance.h"
#include "frontend/parametric/symbolic_context.h"
#include "frontend/render.h"

#include <set>

namespace pm::frontend {

namespace {

constexpr const char* kNotLiftable = "MIG008";

// A printed value can stand in for its token only when it cannot change the YAML or JSON around
// it: no quotes, line breaks, comment or mapping markers, flow brackets or leading indicators.
bool safeInScalar(const std::string& text) {
  if (text.empty())
    return true;
  if (text.find_first_of("\"'\\\n\r\t[]{}") != std::string::npos)
    return false;
  if (text.find(": ") != std::string::npos || text.find(" #") != std::string::npos)
    return false;
  if (std::string("&*!|>%@`#?,-:").find(text.front()) != std::string::npos)
    return false;
  return text.front() != ' ' && text.back() != ' ' && text.back() != ':';
}

// A YAML comment before `offset` on its line: tokens there never reach the model.
bool inComment(const std::string& text, std::size_t offset) {
  std::size_t lineStart = text.rfind('\n', offset);
  lineStart = lineStart == std::string::npos ? 0 : lineStart + 1;
  bool quoted = false;
  char quote = 0;
  for (std::size_t i = lineStart; i < offset; ++i) {
    char c = text[i];
    if (quoted && c == quote)
      quoted = false;
    else if (!quoted && (c == '"' || c == '\''))
      quoted = true, quote = c;
    else if (!quoted && c == '#' && (i == lineStart || text[i - 1] == ' '))
      return true;
  }
  return false;
}

std::string describeValue(const jinja::Value& value) {
  std::string text = value.isString() ? value.repr() : value.str();
  return text.size() > 60 ? text.substr(0, 57) + "..." : text;
}

class ParametricReader {
public:
  ParametricReader(const Bundle& bundle, const BundlePart& part, ir::Diagnostics& diagnostics)
      : bundle_(bundle), part_(part), diagnostics_(diagnostics),
        sourcePath_(bundle.files.displayPath(part.templatePath)) {}

  std::optional<ParametricModule> read(const jinja::SymbolicRender& render) {
    for (const jinja::Sentinel& sentinel : render.sentinels)
      table_[sentinel.token] = &sentinel;
    for (const jinja::SymbolicFallback& fallback : render.fallbacks)
      report(fallback.construct, fallback.path, fallback.position,
             "'" + fallback.construct + "' on " + fallback.path +
                 " cannot be lifted into target-language logic; it is rendered with the value "
                 "this render gives it");
    std::string text = render.text;
    substituteUnsafe(text);
    SettledRead settled = settle(text);
    // The last read of `settle` is the read of the final text, its tokens lifted.
    reportRenderedRead(bundle_, part_, text, settled.diagnostics, diagnostics_);
    if (!settled.module)
      return std::nullopt;
    return ParametricModule{std::move(*settled.module), std::move(fallbacks_), {}};
  }

private:
  void report(const std::string& construct, const std::string& path, jinja::Position position,
              const std::string& detail) {
    ir::SourceLocation location{sourcePath_, position.line, position.column};
    fallbacks_.push_back({construct, path, location});
    diagnostics_.warning(kNotLiftable, location, detail);
  }

  void substitute(std::string& text, const std::string& token) {
    const jinja::Sentinel& sentinel = *table_.at(token);
    std::size_t at = text.find(token);
    if (at != std::string::npos)
      text.replace(at, token.size(), sentinel.value.str());
  }

  void substituteUnsafe(std::string& text) {
    for (const std::string& token : tokensIn(text, table_)) {
      const jinja::Sentinel& sentinel = *table_.at(token);
      if (safeInScalar(sentinel.value.str()) || isLoopItem(sentinel))
        continue;
      report("print of a structural value", sentinel.path, sentinel.position,
             "'{{ " + sentinel.path +
                 " }}' cannot be lifted into target-language logic: its "
                 "value " +
                 describeValue(sentinel.value) +
                 " would change the template's structure; it is rendered as it is");
      substitute(text, token);
    }
  }

  // The read of the text once every token left in it is lifted: the module (nothing when the
  // text does not parse) and what reading it reported.
  struct SettledRead {
    std::optional<ir::Module> module;
    ir::Diagnostics diagnostics;
  };

  // Substitutes the tokens that sit where no expression can until every token left is lifted.
  SettledRead settle(std::string& text) {
    for (;;) {
      SettledRead read;
      read.module = readCloudFormation(renderedReadPath(bundle_, part_), text, read.diagnostics);
      std::vector<std::string> present = tokensIn(text, table_);
      if (!read.module) {
        if (present.empty())
          return read; // rendered mode reports the same problem
        for (const std::string& token : present)
          fallBack(text, token, "a template that does not parse with placeholders");
        continue;
      }
      std::set<std::string> lifted = liftSentinels(*read.module, table_, text);
      bool changed = false;
      for (const std::string& token : present)
        if (!lifted.count(token)) {
          fallBack(text, token, placeOfToken(*read.module, token));
          changed = true;
        }
      if (!changed)
        return read;
    }
  }

  static bool isLoopItem(const jinja::Sentinel& sentinel) {
    return sentinel.path.starts_with(jinja::kLoopPathPrefix);
  }

  // A loop item in a name (a logical ID, a Ref, GetAtt or DependsOn target) becomes the ${path}
  // placeholder a looped resource's names hold (ir/guard.h ResourceLoop); anything else takes
  // its value, reported (and for a loop item, that makes its loop render concretely).
  void fallBack(std::string& text, const std::string& token, const std::string& place) {
    const jinja::Sentinel& sentinel = *table_.at(token);
    bool name =
        place == "a logical ID" || place == "DependsOn" || place == "a reference or function name";
    if (isLoopItem(sentinel) && name) {
      std::size_t at = text.find(token);
      if (at != std::string::npos)
        text.replace(at, token.size(),
                     "${" + sentinel.path.substr(jinja::kLoopPathPrefix.size()) + "}");
      return;
    }
    std::size_t at = text.find(token);
    if (at != std::string::npos && !inComment(text, at))
      report("print in " + place, sentinel.path, sentinel.position,
             "'{{ " + sentinel.path + " }}' in " + place +
                 " cannot be lifted into target-language logic (no expression can stand "
                 "there); it is rendered with its value " +
                 describeValue(sentinel.value));
    substitute(text, token);
  }

  const Bundle& bundle_;
  const BundlePart& part_;
  ir::Diagnostics& diagnostics_;
  std::string sourcePath_;
  SentinelTable table_;
  std::vector<ParametricFallback> fallbacks_;
};

const InputTypeSchema* inputTypeOf(const Bundle& bundle, PartRole role) {
  if (!bundle.schema)
    return nullptr;
  const std::optional<InputTypeSchema>* type = nullptr;
  if (role == PartRole::Infrastructure)
    type = &bundle.schema->environmentInputs;
  else if (role == PartRole::Instance)
    type = &bundle.schema->serviceInputs;
  else if (role == PartRole::Pipeline)
    type = &bundle.schema->pipelineInputs;
  return type && *type ? &**type : nullptr;
}

} // namespace

ir::ModuleKind moduleKindOf(PartRole role) {
  switch (role) {
  case PartRole::Infrastructure:
    return ir::ModuleKind::Environment;
  case PartRole::Instance:
    return ir::ModuleKind::ServiceInstance;
  case PartRole::Pipeline:
    return ir::ModuleKind::Pipeline;
  case PartRole::Component:
    return ir::ModuleKind::Component;
  }
  return ir::ModuleKind::Template;
}

namespace {

// Schema inputs first, then the template's own parameters, then each context value it reads.
void declareInputs(ir::Module& module, const Bundle& bundle, PartRole role) {
  std::vector<ir::Input> inputs;
  if (const InputTypeSchema* type = inputTypeOf(bundle, role))
    inputs = toModelInputs(*type);
  inputs.insert(inputs.end(), module.inputs.begin(), module.inputs.end());
  std::set<std::string> context, upstream;
  ir::walkModuleExprs(module, [&](const ir::Expr& node) {
    if (node.kind() == ir::ExprKind::ContextRef)
      context.insert(node.name());
    if (node.kind() == ir::ExprKind::UpstreamOutputRef)
      upstream.insert(node.upstreamOutput().module);
    return true;
  });
  for (const std::string& path : context) {
    ir::Input input;
    input.name = path;
    input.isContext = true;
    inputs.push_back(std::move(input));
  }
  module.inputs = std::move(inputs);
  module.upstreamModules.assign(upstream.begin(), upstream.end());
  module.kind = moduleKindOf(role);
  module.name = bundle.name;
  typeLoopCollections(module, bundle);
}

// Loops over one list refer to each other's names (a stage lists `Deploy{{ loop.index }}`
// projects another loop makes): when one of them is rendered with the spec's elements, the
// others must be too, or the names one renders would name resources the others only loop over.
void failLoopsOverFailedLists(const std::map<std::string, LoopDeclaration>& loops,
                              LoopFailures& failures) {
  std::map<std::string, const LoopDeclaration*> failedLists;
  for (const auto& [variable, loop] : loops)
    if (failures.count(loop.key))
      failedLists.emplace(loop.site.collection, &loop);
  for (const auto& [variable, loop] : loops) {
    auto failed = failedLists.find(loop.site.collection);
    if (failed != failedLists.end() && !failures.count(loop.key))
      failures[loop.key] = "'" + failed->second->key + "' over the same list cannot be lifted";
  }
}

// Guards and loops lifted; each loop that cannot be is added to `concreteLoops` (which `read`
// renders with their concrete elements) and the part read again, until every loop left lifts.
std::optional<ParametricModule> readWithLoops(const ReadWithChoices& read,
                                              std::set<std::string>& concreteLoops,
                                              ir::Diagnostics& diagnostics) {
  std::vector<std::pair<LoopDeclaration, std::string>> unlifted;
  for (;;) {
    ir::Diagnostics attempt;
    auto expansion = readWithGuards(read, attempt);
    if (!expansion) {
      diagnostics.append(attempt);
      return std::nullopt;
    }
    LoopFailures failures = std::move(expansion->failedLoops);
    liftLoops(expansion->result.module, expansion->loops, failures);
    failLoopsOverFailedLists(expansion->loops, failures);
    bool retry = false;
    for (const auto& [variable, loop] : expansion->loops)
      if (auto failed = failures.find(loop.key);
          failed != failures.end() && concreteLoops.insert(loop.key).second) {
        unlifted.emplace_back(loop, failed->second);
        retry = true;
      }
    if (retry)
      continue;
    for (const auto& [loop, why] : unlifted)
      diagnostics.warning(kNotLiftable, loop.location,
                          "'" + loop.key + "' cannot be lifted into a target-language loop: " +
                              why + "; it is rendered with the spec's elements");
    diagnostics.append(attempt);
    for (const auto& [loop, why] : unlifted)
      expansion->result.renderedLoops.push_back(loop.location);
    return std::move(expansion->result);
  }
}

// The data-tree entry holding the part's inputs ("environment", "service_instance", ...).
const char* inputsHolder(PartRole role) {
  switch (role) {
  case PartRole::Infrastructure:
    return "environment";
  case PartRole::Instance:
    return "service_instance";
  case PartRole::Pipeline:
    return "pipeline";
  case PartRole::Component:
    return nullptr;
  }
  return nullptr;
}

jinja::Value standInValue(PropertyType type) {
  switch (type) {
  case PropertyType::Boolean:
    return jinja::Value(false);
  case PropertyType::Number:
  case PropertyType::Integer:
    return jinja::Value(0);
  case PropertyType::Array:
    return jinja::Value::list();
  case PropertyType::Object:
    return jinja::Value::dict();
  case PropertyType::String:
    break;
  }
  return jinja::Value("");
}

// A missing entry and the stand-in value it gets.
using StandIns = std::vector<std::pair<std::string, jinja::Value>>;

// `context` with `context[holder][child]` (a dict) given each of `standIns` it lacks; unchanged
// when there is no such dict or it lacks none.
jinja::Value withStandIns(const jinja::Value& context, const std::string& holder,
                          const std::string& child, const StandIns& standIns) {
  const jinja::Value* outer = context.asDict().find(holder);
  const jinja::Value* inner = outer && outer->isDict() ? outer->asDict().find(child) : nullptr;
  if (!inner || !inner->isDict())
    return context;
  jinja::ValueDict filled = inner->asDict();
  bool added = false;
  for (const auto& [name, value] : standIns)
    if (!filled.find(name)) {
      filled.set(jinja::Value(name), value);
      added = true;
    }
  if (!added)
    return context;
  jinja::ValueDict rebuiltOuter = outer->asDict();
  rebuiltOuter.set(jinja::Value(child), jinja::Value::dict(std::move(filled)));
  jinja::ValueDict rebuilt = context.asDict();
  rebuilt.set(jinja::Value(holder), jinja::Value::dict(std::move(rebuiltOuter)));
  return jinja::Value::dict(std::move(rebuilt));
}

// The context with a stand-in of its type for every schema input neither the spec nor a default
// gives, and an empty stand-in for every environment output the template names
// (`environment.outputs.X`) that no --env-outputs value gives: parametric mode keeps both
// symbolic, so a module is read without a spec or outputs (its deployments then have no value
// for them, which the backends report). A construct rendered with the concrete value (MIG008)
// shows the stand-in, and says so.
jinja::Value withStandIns(const Bundle& bundle, PartRole role, const std::string& text,
                          const jinja::Value& context) {
  jinja::Value filled = context;
  const InputTypeSchema* type = inputTypeOf(bundle, role);
  if (const char* holder = inputsHolder(role); holder && type) {
    StandIns inputs;
    for (const SchemaProperty& property : type->properties)
      inputs.emplace_back(property.name, standInValue(property.type));
    filled = withStandIns(filled, holder, "inputs", inputs);
  }
  StandIns outputs;
  for (const std::string& name : environmentOutputsNamed(text))
    outputs.emplace_back(name, jinja::Value(std::string()));
  return withStandIns(filled, "environment", "outputs", outputs);
}

} // namespace

std::optional<ParametricModule> readParametricModule(const Bundle& bundle,
                                                     const RenderRequest& request,
                                                     ir::Diagnostics& diagnostics) {
  const BundlePart* part = bundle.part(request.part);
  if (!part || part->templatePath.empty() || bundle.kind == BundleKind::PlainTemplate) {
    // Nothing symbolic: rendered mode reports what is missing, or reads the plain template.
    auto text = renderPart(bundle, request, diagnostics);
    auto module =
        text && part ? readRenderedTemplate(bundle, *part, *text, diagnostics) : std::nullopt;
    if (!module)
      return std::nullopt;
    return ParametricModule{std::move(*module), {}, {}};
  }
  std::string path = bundle.files.displayPath(part->templatePath);
  auto text = bundle.files.read(part->templatePath);
  if (!text) {
    diagnostics.error("PRS011", {path, 0, 0}, "cannot read the template file");
    return std::nullopt;
  }
  Spec standIn;
  RenderRequest reading = withStandInInstance(bundle, request, *text, path, standIn, diagnostics);
  auto context = buildContext(bundle, reading, diagnostics);
  if (!context)
    return std::nullopt;
  jinja::Value symbolic = symbolicContext(withStandIns(bundle, request.part, *text, *context));
  std::set<std::string> concreteLoops;
  std::int64_t iterations = 0; // one loop budget for all renders of the part
  jinja::RenderLimits limits;
  limits.sharedIterations = &iterations;
  auto parsed = jinja::parseForRenders(path, *text, limits);
  ReadWithChoices readOnce = [&](const jinja::GuardChoices& choices,
                                 ir::Diagnostics& found) -> std::optional<GuardedRead> {
    auto render = jinja::renderSymbolic(*parsed, symbolic, found, limits, choices, concreteLoops);
    if (!render)
      return std::nullopt;
    auto result = ParametricReader(bundle, *part, found).read(*render);
    if (!result)
      return std::nullopt;
    return GuardedRead{std::move(*result), std::move(render->guards), path};
  };
  auto result = readWithLoops(readOnce, concreteLoops, diagnostics);
  if (result)
    declareInputs(result->module, bundle, request.part);
  return result;
}

std::optional<ir::Module> readParametric(const Bundle& bundle, const RenderRequest& request,
                                         ir::Diagnostics& diagnostics) {
  auto result = readParametricModule(bundle, request, diagnostics);
  if (!result)
    return std::nullopt;
  return std::move(result->module);
}

std::optional<ir::InputValues> requestValues(const Bundle& bundle, const RenderRequest& request,
                                             ir::Diagnostics& diagnostics) {
  auto context = buildContext(bundle, request, diagnostics);
  if (!context)
    return std::nullopt;
  return boundValues(*context);
}

} // namespace pm::frontend
