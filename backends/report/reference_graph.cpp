// Building the reference graph once and printing it in each format.
#include "backends/report/reference_graph.h"

#include "ir/expr_text.h"
#include "ir/pseudo_parameters.h"
#include "ir/reference.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <set>
#include <tuple>

namespace pm::report {

namespace {

struct GraphNode {
  std::string id;
  std::string kind; // input, condition, resource, output, pseudo parameter, unresolved
  std::string name;
  std::string type; // resources only
};

struct GraphEdge {
  std::string from;
  std::string to;
  ir::Reference reference;
};

struct Graph {
  std::vector<GraphNode> nodes;
  std::vector<GraphEdge> edges;
};

std::string elementId(ir::ElementKind kind, const std::string& name) {
  return std::string(ir::elementKindName(kind)) + ":" + name;
}

std::string targetId(const ir::Reference& reference) {
  switch (reference.targetKind) {
  case ir::TargetKind::Resource:
    return "resource:" + reference.to;
  case ir::TargetKind::Input:
    return "input:" + reference.to;
  case ir::TargetKind::PseudoParameter:
    return "pseudo:" + reference.to;
  case ir::TargetKind::Condition:
    return "condition:" + reference.to;
  default:
    return "unresolved:" + reference.to;
  }
}

std::string edgeLabel(const ir::Reference& reference) {
  std::string label(ir::referenceKindName(reference.kind));
  return reference.attribute.empty() ? label : label + " " + reference.attribute;
}

Graph buildGraph(const ir::Module& module) {
  Graph graph;
  for (const ir::Input& input : module.inputs)
    graph.nodes.push_back({"input:" + input.name, "input", input.name, {}});
  for (const ir::Condition& condition : module.conditions)
    graph.nodes.push_back({"condition:" + condition.name, "condition", condition.name, {}});
  for (const ir::Resource& resource : module.resources)
    graph.nodes.push_back(
        {"resource:" + resource.logicalId, "resource", resource.logicalId, resource.type});
  for (const ir::Output& output : module.outputs)
    graph.nodes.push_back({"output:" + output.name, "output", output.name, {}});

  std::set<std::string> usedPseudo;
  std::vector<std::string> unresolved;
  std::set<std::tuple<std::string, std::string, std::string>> seenEdges;
  for (const ir::Reference& reference : ir::collectReferences(module)) {
    if (reference.targetKind == ir::TargetKind::SubVariable)
      continue; // local to its Fn::Sub, not a module element
    if (reference.targetKind == ir::TargetKind::PseudoParameter)
      usedPseudo.insert(reference.to);
    std::string to = targetId(reference);
    if (!reference.resolved() &&
        std::find(unresolved.begin(), unresolved.end(), reference.to) == unresolved.end())
      unresolved.push_back(reference.to);
    std::string from = elementId(reference.fromKind, reference.from);
    if (seenEdges.emplace(from, to, edgeLabel(reference)).second)
      graph.edges.push_back({from, to, reference});
  }
  for (const ir::PseudoParameter& pseudo : ir::pseudoParameters())
    if (usedPseudo.contains(std::string(pseudo.name)))
      graph.nodes.push_back(
          {"pseudo:" + std::string(pseudo.name), "pseudo parameter", std::string(pseudo.name), {}});
  for (const std::string& name : unresolved)
    graph.nodes.push_back({"unresolved:" + name, "unresolved", name, {}});
  return graph;
}

// --- DOT ---

std::string dotEscaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\')
      out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

std::string dotQuoted(const std::string& text) {
  return "\"" + dotEscaped(text) + "\"";
}

std::string dotNodeAttributes(const GraphNode& node) {
  std::string subtitle = node.kind == "resource" ? node.type : node.kind;
  std::string label = "\"" + dotEscaped(node.name) + "\\n" + dotEscaped(subtitle) + "\"";
  if (node.kind == "resource")
    return "label=" + label + ", shape=box";
  if (node.kind == "input")
    return "label=" + label + ", shape=ellipse";
  if (node.kind == "output")
    return "label=" + label + ", shape=note";
  if (node.kind == "condition")
    return "label=" + label + ", shape=diamond";
  if (node.kind == "pseudo parameter")
    return "label=" + label + ", shape=plaintext";
  return "label=" + label + ", shape=box, style=dashed, color=red";
}

std::string writeDot(const ir::Module& module, const Graph& graph) {
  std::string out = "digraph " + dotQuoted(module.name) + " {\n";
  out += "  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\"];\n";
  for (const GraphNode& node : graph.nodes)
    out += "  " + dotQuoted(node.id) + " [" + dotNodeAttributes(node) + "];\n";
  for (const GraphEdge& edge : graph.edges) {
    std::string style = edge.reference.resolved() ? "" : ", style=dashed, color=red";
    out += "  " + dotQuoted(edge.from) + " -> " + dotQuoted(edge.to) +
           " [label=" + dotQuoted(edgeLabel(edge.reference)) + style + "];\n";
  }
  return out + "}\n";
}

// --- Mermaid ---

std::string mermaidText(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"')
      out += "#quot;";
    else if (c == '<')
      out += "#lt;";
    else if (c == '>')
      out += "#gt;";
    else
      out += c;
  }
  return out;
}

std::string mermaidNode(const std::string& id, const GraphNode& node) {
  std::string subtitle = node.kind == "resource" ? node.type : node.kind;
  std::string label = "\"" + mermaidText(node.name) + "<br/>" + mermaidText(subtitle) + "\"";
  if (node.kind == "input")
    return id + "([" + label + "])";
  if (node.kind == "condition")
    return id + "{" + label + "}";
  if (node.kind == "output")
    return id + "[/" + label + "/]";
  if (node.kind == "pseudo parameter")
    return id + ">" + label + "]";
  if (node.kind == "unresolved")
    return id + "[" + label + "]:::unresolved";
  return id + "[" + label + "]";
}

std::string writeMermaid(const Graph& graph) {
  // Mermaid ids must be simple words; number the nodes in order.
  std::map<std::string, std::string> ids;
  std::string out = "flowchart LR\n";
  for (const GraphNode& node : graph.nodes) {
    std::string id = "n" + std::to_string(ids.size());
    ids[node.id] = id;
    out += "  " + mermaidNode(id, node) + "\n";
  }
  for (const GraphEdge& edge : graph.edges) {
    std::string arrow = edge.reference.resolved() ? " -->" : " -.->";
    out += "  " + ids[edge.from] + arrow + "|\"" + mermaidText(edgeLabel(edge.reference)) + "\"| " +
           ids[edge.to] + "\n";
  }
  out += "  classDef unresolved stroke:#d00,stroke-dasharray:4 2\n";
  return out;
}

// --- JSON ---

std::string writeJson(const ir::Module& module, const Graph& graph) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
  writer.SetIndent(' ', 2);
  auto string = [&](const std::string& text) {
    writer.String(text.c_str(), static_cast<rapidjson::SizeType>(text.size()));
  };
  writer.StartObject();
  writer.Key("module");
  string(module.name);
  writer.Key("nodes");
  writer.StartArray();
  for (const GraphNode& node : graph.nodes) {
    writer.StartObject();
    writer.Key("id");
    string(node.id);
    writer.Key("kind");
    string(node.kind);
    writer.Key("name");
    string(node.name);
    if (node.kind == "resource") {
      writer.Key("type");
      string(node.type);
    }
    writer.Key("resolved");
    writer.Bool(node.kind != "unresolved");
    writer.EndObject();
  }
  writer.EndArray();
  writer.Key("edges");
  writer.StartArray();
  for (const GraphEdge& edge : graph.edges) {
    writer.StartObject();
    writer.Key("from");
    string(edge.from);
    writer.Key("to");
    string(edge.to);
    writer.Key("kind");
    string(std::string(ir::referenceKindName(edge.reference.kind)));
    if (!edge.reference.attribute.empty()) {
      writer.Key("attribute");
      string(edge.reference.attribute);
    }
    writer.Key("resolved");
    writer.Bool(edge.reference.resolved());
    writer.Key("location");
    string(edge.reference.location.str());
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

// --- model summary ---

std::string inputLine(const ir::Input& input) {
  std::string type = input.cloudFormationType.empty() ? std::string(ir::inputTypeName(input.type))
                                                      : input.cloudFormationType;
  std::string line = "  " + input.name + ": " + type;
  if (input.defaultValue)
    line += ", default " + ir::exprText(input.defaultValue, 40);
  if (!input.allowedValues.empty())
    line += ", one of " + ir::exprText(ir::Expr::list(input.allowedValues, {}), 60);
  if (input.pattern)
    line += ", pattern " + *input.pattern;
  if (input.minimum || input.maximum)
    line += fmt::format(", range {}..{}", input.minimum ? fmt::format("{}", *input.minimum) : "",
                        input.maximum ? fmt::format("{}", *input.maximum) : "");
  if (input.minLength || input.maxLength)
    line += fmt::format(", length {}..{}", input.minLength ? std::to_string(*input.minLength) : "",
                        input.maxLength ? std::to_string(*input.maxLength) : "");
  if (input.required)
    line += ", required";
  if (input.isContext)
    line += ", context";
  return line + "\n";
}

std::string guardText(const std::vector<ir::Guard>& guards) {
  std::string text;
  for (const ir::Guard& guard : guards)
    text +=
        (text.empty() ? "" : " and ") + std::string(guard.whenTrue ? "" : "not ") + guard.variable;
  return text;
}

std::string resourceLine(const ir::Resource& resource) {
  std::vector<std::string> attributes;
  if (!resource.guards.empty())
    attributes.push_back("when " + guardText(resource.guards));
  if (resource.condition)
    attributes.push_back("condition " + resource.condition->name);
  if (!resource.dependsOn.empty()) {
    std::string names;
    for (const ir::LocatedName& dependency : resource.dependsOn)
      names += (names.empty() ? "" : ", ") + dependency.name;
    attributes.push_back("depends on " + names);
  }
  if (resource.deletionPolicy)
    attributes.push_back("DeletionPolicy " + ir::exprText(resource.deletionPolicy, 40));
  if (resource.updateReplacePolicy)
    attributes.push_back("UpdateReplacePolicy " + ir::exprText(resource.updateReplacePolicy, 40));
  std::pair<const char*, const ir::ExprPtr&> present[] = {
      {"UpdatePolicy", resource.updatePolicy},
      {"CreationPolicy", resource.creationPolicy},
      {"Metadata", resource.metadata}};
  for (const auto& [name, value] : present)
    if (value)
      attributes.push_back(name);
  std::string line = "  " + resource.logicalId + ": " + resource.type;
  if (!attributes.empty()) {
    line += " (";
    for (std::size_t i = 0; i < attributes.size(); ++i)
      line += (i ? "; " : "") + attributes[i];
    line += ")";
  }
  return line + "\n";
}

std::string outputLine(const ir::Output& output) {
  std::string line = "  " + output.name + " = " + ir::exprText(output.value, 60);
  if (output.exportName)
    line += ", export " + ir::exprText(output.exportName, 40);
  if (output.condition)
    line += ", condition " + output.condition->name;
  if (!output.guards.empty())
    line += ", when " + guardText(output.guards);
  return line + "\n";
}

template <typename T, typename Line>
std::string section(const std::string& title, const std::vector<T>& items, Line line) {
  std::string out = fmt::format("{} ({}):\n", title, items.size());
  for (const T& item : items)
    out += line(item);
  return out;
}

} // namespace

std::string writeReferenceGraph(const ir::Module& module, GraphFormat format) {
  Graph graph = buildGraph(module);
  switch (format) {
  case GraphFormat::Dot:
    return writeDot(module, graph);
  case GraphFormat::Mermaid:
    return writeMermaid(graph);
  case GraphFormat::Json:
    return writeJson(module, graph);
  }
  return {};
}

std::string writeModelSummary(const ir::Module& module) {
  std::string out =
      fmt::format("{} {} ({})\n", ir::moduleKindName(module.kind), module.name, module.sourcePath);
  if (!module.description.empty())
    out += "description: " + module.description + "\n";
  if (!module.transforms.empty()) {
    out += "transforms:";
    for (const std::string& transform : module.transforms)
      out += " " + transform;
    out += "\n";
  }
  out += section("inputs", module.inputs, inputLine);
  out += section("conditions", module.conditions, [](const ir::Condition& condition) {
    return "  " + condition.name + " = " + ir::exprText(condition.expression, 70) + "\n";
  });
  out += section("mappings", module.mappings, [](const ir::Mapping& mapping) {
    std::size_t keys = mapping.entries && mapping.entries->kind() == ir::ExprKind::Map
                           ? mapping.entries->entries().size()
                           : 0;
    return fmt::format("  {}: {} top-level keys\n", mapping.name, keys);
  });
  if (!module.guards.empty())
    out += section("guards", module.guards, [](const ir::GuardVariable& guard) {
      return "  " + guard.name + " = " + ir::exprText(guard.condition, 70) + "\n";
    });
  out += section("resources", module.resources, resourceLine);
  out += section("outputs", module.outputs, outputLine);
  return out;
}

} // namespace pm::report
