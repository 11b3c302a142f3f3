// Symbolic leaves over Proton's data tree, and the model references they stand for.
#include "frontend/parametric/symbolic_context.h"

#include "frontend/cloudformation/cloudformation_reader.h"
#include "frontend/jinja/symbolic.h"

#include <cctype>
#include <mutex>
#include <unordered_map>

namespace pm::frontend {

namespace {

using LeafVisit = std::function<jinja::Value(const std::string&, const jinja::Value&)>;

std::string childPath(const std::string& path, const jinja::Value& key) {
  std::string name = key.isString() ? key.asString() : key.str();
  return path.empty() ? name : path + "." + name;
}

// Rebuilds the dicts of `value` with each leaf replaced by visit(path, leaf); shared dicts of
// the concrete tree are not touched.
jinja::Value mapLeaves(const jinja::Value& value, const std::string& path, const LeafVisit& visit) {
  jinja::ValueDict rebuilt;
  for (const auto& [key, item] : value.asDict().entries()) {
    std::string itemPath = childPath(path, key);
    bool valuesHolder =
        key.isString() && (key.asString() == "inputs" || key.asString() == "outputs");
    if (valuesHolder && item.isDict()) {
      jinja::ValueDict values;
      for (const auto& [name, entry] : item.asDict().entries())
        values.set(name, visit(childPath(itemPath, name), entry));
      rebuilt.set(key, jinja::Value::dict(std::move(values)));
    } else if (item.isDict() && !item.isNamespace()) {
      rebuilt.set(key, mapLeaves(item, itemPath, visit));
    } else if (item.isString() && !path.empty()) {
      rebuilt.set(key, visit(itemPath, item));
    } else if (item.isList() && path.empty()) {
      // The pipeline's service_instances: a loop over it is a reported fallback, not silent.
      rebuilt.set(key, visit(itemPath, item));
    } else {
      rebuilt.set(key, item);
    }
  }
  return jinja::Value::dict(std::move(rebuilt));
}

std::string afterLast(const std::string& path, const std::string& marker) {
  return path.substr(path.rfind(marker) + marker.size());
}

} // namespace

jinja::Value symbolicContext(const jinja::Value& context) {
  return mapLeaves(context, "", [](const std::string& path, const jinja::Value& leaf) {
    return jinja::symbolicReference(path, leaf);
  });
}

void forEachContextLeaf(const jinja::Value& context,
                        const std::function<void(const std::string&, const jinja::Value&)>& visit) {
  mapLeaves(context, "", [&](const std::string& path, const jinja::Value& leaf) {
    visit(path, leaf);
    return leaf;
  });
}

ir::ExprPtr referenceFor(const std::string& path, const ir::SourceLocation& location) {
  if (path.starts_with(jinja::kLoopPathPrefix))
    return ir::Expr::loopItemRef(path.substr(jinja::kLoopPathPrefix.size()), location);
  if (path.find(".inputs.") != std::string::npos)
    return ir::Expr::inputRef(afterLast(path, ".inputs."), location);
  if (path.find(".components.") != std::string::npos && path.find(".outputs.") != std::string::npos)
    return ir::Expr::upstreamOutputRef({"component", afterLast(path, ".outputs.")}, location);
  if (path.find(".outputs.") != std::string::npos)
    return ir::Expr::upstreamOutputRef({"environment", afterLast(path, ".outputs.")}, location);
  return ir::Expr::contextRef(path, location);
}

// `environment.outputs.NAME` (NAME an identifier), found without a regex: this runs over
// every template text a bundle renders.
std::vector<std::string> environmentOutputsNamed(const std::string& text) {
  static constexpr std::string_view kPrefix = "environment.outputs.";
  auto identifierChar = [](char c, bool first) {
    return c == '_' || std::isalpha(static_cast<unsigned char>(c)) ||
           (!first && std::isdigit(static_cast<unsigned char>(c)));
  };
  std::vector<std::string> names;
  for (std::size_t at = text.find(kPrefix); at != std::string::npos; at = text.find(kPrefix, at)) {
    std::size_t start = at + kPrefix.size();
    std::size_t end = start;
    while (end < text.size() && identifierChar(text[end], end == start))
      ++end;
    if (end == start) {
      ++at;
      continue;
    }
    names.push_back(text.substr(start, end - start));
    at = end;
  }
  return names;
}

namespace {

ir::ExprPtr readPlainScalar(const std::string& text) {
  ir::Diagnostics scratch;
  std::string document = "Resources:\n  R:\n    Type: T\n    Properties:\n      V: " + text + "\n";
  auto module = readCloudFormation("<scalar>", document, scratch);
  if (module && module->resources.size() == 1 && module->resources[0].properties &&
      module->resources[0].properties->kind() == ir::ExprKind::Map)
    if (const ir::MapEntry* entry = module->resources[0].properties->find("V"))
      return entry->value;
  return ir::Expr::string(text, {});
}

// Every render of a bundle binds the same input values (and an estate's bundles share most of
// them): each is read once. Bounded, so hostile input cannot grow it without limit.
constexpr std::size_t kMaxRememberedScalars = 65536;

} // namespace

ir::ExprPtr plainScalar(const std::string& text) {
  static std::mutex mutex;
  static std::unordered_map<std::string, ir::ExprPtr> read;
  {
    std::lock_guard lock(mutex);
    if (auto found = read.find(text); found != read.end())
      return found->second;
  }
  ir::ExprPtr scalar = readPlainScalar(text);
  std::lock_guard lock(mutex);
  if (read.size() < kMaxRememberedScalars)
    read.emplace(text, scalar);
  return scalar;
}

namespace {

ir::BoundValue boundValueOf(const jinja::Value& value) {
  return {value.str(), plainScalar(value.str()), value.truthy()};
}

// The values inside one element of a list, by path ("name", "environment.account_id").
void flattenElement(const jinja::Value& value, const std::string& path, ir::LoopElement& element) {
  if (value.isDict() && !value.isNamespace()) {
    for (const auto& [key, item] : value.asDict().entries())
      flattenElement(item, childPath(path, key), element);
    return;
  }
  element[path] = boundValueOf(value);
}

} // namespace

ir::InputValues boundValues(const jinja::Value& context) {
  ir::InputValues values;
  forEachContextLeaf(context, [&](const std::string& path, const jinja::Value& value) {
    ir::ExprPtr reference = referenceFor(path, {});
    ir::BoundValue bound = boundValueOf(value);
    if (value.isList()) { // a list loops iterate: the pipeline's service_instances, a list input
      std::vector<ir::LoopElement>& elements = values.collections[ir::collectionKey(*reference)];
      for (const jinja::Value& element : value.asList())
        flattenElement(element, "", elements.emplace_back());
    }
    switch (reference->kind()) {
    case ir::ExprKind::InputRef:
      values.inputs[reference->name()] = bound;
      break;
    case ir::ExprKind::UpstreamOutputRef:
      values.upstreamOutputs[reference->upstreamOutput().module + "." +
                             reference->upstreamOutput().output] = bound;
      break;
    default:
      values.context[reference->name()] = bound;
    }
  });
  return values;
}

} // namespace pm::frontend
