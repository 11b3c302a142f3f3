#include "frontend/hcl/proton_references.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

namespace pm::frontend::hcl {

namespace {

struct ProtonPath {
  std::string_view pattern; // dotted path after `var.`; `*` is any one name
  ProtonReferenceKind kind;
};

// Proton's parameter namespace for Terraform (the Jinja names with a `var.` prefix).
constexpr std::array<ProtonPath, 20> kProtonPaths = {{
    {"environment.inputs.*", ProtonReferenceKind::Input},
    {"service_instance.inputs.*", ProtonReferenceKind::Input},
    {"pipeline.inputs.*", ProtonReferenceKind::Input},
    {"environment.outputs.*", ProtonReferenceKind::EnvironmentOutput},
    {"service_instance.environment.outputs.*", ProtonReferenceKind::EnvironmentOutput},
    {"service_instance.components.default.outputs.*", ProtonReferenceKind::ComponentOutput},
    {"environment.name", ProtonReferenceKind::Context},
    {"environment.account_id", ProtonReferenceKind::Context},
    {"service.name", ProtonReferenceKind::Context},
    {"service.branch_name", ProtonReferenceKind::Context},
    {"service.repository_connection_arn", ProtonReferenceKind::Context},
    {"service.repository_id", ProtonReferenceKind::Context},
    {"service_instance.name", ProtonReferenceKind::Context},
    {"service_instance.environment.name", ProtonReferenceKind::Context},
    {"service_instance.environment.account_id", ProtonReferenceKind::Context},
    {"service_instance.components.default.name", ProtonReferenceKind::Context},
    {"component.name", ProtonReferenceKind::Context},
    {"proton_tags", ProtonReferenceKind::Tags},
    {"service_instances", ProtonReferenceKind::InstanceList},
    {"pipeline.name", ProtonReferenceKind::Context},
}};

constexpr std::array<std::string_view, 7> kProtonVariables = {
    "environment",       "service",   "service_instance", "pipeline",
    "service_instances", "component", "proton_tags"};

std::vector<std::string_view> splitDots(std::string_view text) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    std::size_t dot = text.find('.', start);
    parts.push_back(text.substr(start, dot - start));
    if (dot == std::string_view::npos)
      return parts;
    start = dot + 1;
  }
}

// One static step of a traversal `var.a.b["c"]` and the node that ends there.
struct Step {
  std::string name;
  NodeId node;
};

// The name an Index or GetAttr step selects, when it is written as a constant.
std::optional<std::string> staticStepName(const SyntaxTree& tree, NodeId id) {
  const Node& n = tree.node(id);
  if (n.kind == NodeKind::GetAttr)
    return std::string(tree.name(id));
  if (n.kind != NodeKind::Index)
    return std::nullopt;
  NodeId key = n.children[1];
  if (tree.node(key).kind == NodeKind::Literal)
    return std::string(tree.sourceText(key));
  return tree.literalString(key);
}

// The constant steps of the traversal ending at `id`, root first; empty unless rooted at `var`.
std::vector<Step> traversalSteps(const SyntaxTree& tree, NodeId id) {
  std::vector<NodeId> chain;
  for (NodeId at = id;; at = tree.node(at).children[0]) {
    chain.push_back(at);
    NodeKind kind = tree.node(at).kind;
    if (kind != NodeKind::GetAttr && kind != NodeKind::Index && kind != NodeKind::Splat)
      break;
  }
  std::reverse(chain.begin(), chain.end());
  if (tree.node(chain.front()).kind != NodeKind::Variable || tree.name(chain.front()) != "var")
    return {};
  std::vector<Step> steps;
  for (std::size_t i = 1; i < chain.size(); ++i) {
    std::optional<std::string> name = staticStepName(tree, chain[i]);
    if (!name)
      break;
    steps.push_back({*name, chain[i]});
  }
  return steps;
}

enum class Match { None, Prefix, Full };

Match matchPath(std::string_view pattern, const std::vector<Step>& steps) {
  std::vector<std::string_view> parts = splitDots(pattern);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i == steps.size())
      return Match::Prefix;
    if (parts[i] != "*" && parts[i] != steps[i].name)
      return Match::None;
  }
  return Match::Full;
}

std::optional<ProtonReference> classify(const SyntaxTree& tree, const std::vector<Step>& steps) {
  if (steps.empty() || !isProtonVariableName(steps.front().name))
    return std::nullopt;
  ProtonReference reference;
  std::size_t length = steps.size();
  bool prefix = false;
  for (const ProtonPath& path : kProtonPaths) {
    Match match = matchPath(path.pattern, steps);
    if (match == Match::Full) {
      reference.kind = path.kind;
      length = splitDots(path.pattern).size();
      prefix = false;
      break;
    }
    prefix = prefix || match == Match::Prefix;
  }
  if (reference.kind == ProtonReferenceKind::Unknown && prefix)
    reference.kind = ProtonReferenceKind::WholeObject;
  for (std::size_t i = 0; i < length; ++i)
    reference.path.push_back(steps[i].name);
  NodeId last = steps[length - 1].node;
  reference.span = tree.span(last);
  reference.location = tree.location(last);
  return reference;
}

bool isTraversal(NodeKind kind) {
  return kind == NodeKind::GetAttr || kind == NodeKind::Index || kind == NodeKind::Splat;
}

// Walks the tree; a traversal is classified once, at its outermost node (`insideTraversal`
// marks the sources of an enclosing traversal).
void collect(const SyntaxTree& tree, NodeId id, bool insideTraversal,
             std::vector<ProtonReference>& out) {
  const Node& n = tree.node(id);
  bool traversal = isTraversal(n.kind);
  if (traversal && !insideTraversal)
    if (std::optional<ProtonReference> reference = classify(tree, traversalSteps(tree, id)))
      out.push_back(std::move(*reference));
  for (std::size_t i = 0; i < n.children.size(); ++i)
    collect(tree, n.children[i], traversal && i == 0, out);
}

} // namespace

const char* protonReferenceKindName(ProtonReferenceKind kind) {
  switch (kind) {
  case ProtonReferenceKind::Input:
    return "input";
  case ProtonReferenceKind::EnvironmentOutput:
    return "environment output";
  case ProtonReferenceKind::ComponentOutput:
    return "component output";
  case ProtonReferenceKind::Context:
    return "context value";
  case ProtonReferenceKind::Tags:
    return "Proton tags";
  case ProtonReferenceKind::InstanceList:
    return "service instance list";
  case ProtonReferenceKind::WholeObject:
    return "whole Proton object";
  case ProtonReferenceKind::Unknown:
    return "unknown Proton value";
  }
  return "reference";
}

std::string ProtonReference::leaf() const {
  switch (kind) {
  case ProtonReferenceKind::Input:
  case ProtonReferenceKind::EnvironmentOutput:
  case ProtonReferenceKind::ComponentOutput:
  case ProtonReferenceKind::Context:
    return path.back();
  default:
    return "";
  }
}

std::string ProtonReference::dottedPath() const {
  std::string text;
  for (const std::string& part : path)
    text += (text.empty() ? "" : ".") + part;
  return text;
}

bool isProtonVariableName(std::string_view name) {
  return std::find(kProtonVariables.begin(), kProtonVariables.end(), name) !=
         kProtonVariables.end();
}

std::vector<ProtonReference> findProtonReferences(const SyntaxTree& tree) {
  std::vector<ProtonReference> references;
  collect(tree, tree.root(), false, references);
  return references;
}

std::vector<ProtonVariableDeclaration> findProtonVariableDeclarations(const SyntaxTree& tree) {
  std::vector<ProtonVariableDeclaration> declarations;
  for (NodeId item : tree.items(tree.root())) {
    if (tree.node(item).kind != NodeKind::Block || tree.name(item) != "variable")
      continue;
    std::vector<std::string> labels = tree.blockLabels(item);
    if (labels.size() == 1 && isProtonVariableName(labels.front()))
      declarations.push_back({labels.front(), tree.span(item), tree.location(item)});
  }
  return declarations;
}

} // namespace pm::frontend::hcl
