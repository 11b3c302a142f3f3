// YAML loading with located diagnostics.
#include "frontend/yaml/yaml_file.h"

#include "frontend/text_lines.h"

#include <yaml-cpp/depthguard.h>

#include <algorithm>

namespace pm::frontend {

namespace {

constexpr const char* kYamlSyntax = "PRS001";
// yaml-cpp shares an aliased node instead of copying it, so a document of a few hundred bytes
// can stand for billions of nodes. The readers walk documents whole, some of them once per
// input, so the document itself is bounded: its nodes counted with every alias expanded.
constexpr std::size_t kMaxExpandedNodes = 1'000'000;
constexpr int kMaxExpandedDepth = 256;

// Counts the nodes of `node` with aliases expanded into `count`; the node where the count or
// the depth passes its bound (a cyclic alias nests without end), or nothing.
std::optional<YAML::Mark> expansionPastBounds(const YAML::Node& node, int depth,
                                              std::size_t& count) {
  if (++count > kMaxExpandedNodes || depth > kMaxExpandedDepth)
    return node.Mark();
  if (node.IsSequence()) {
    for (const auto& item : node)
      if (auto mark = expansionPastBounds(item, depth + 1, count))
        return mark;
  } else if (node.IsMap()) {
    for (const auto& entry : node) {
      if (auto mark = expansionPastBounds(entry.first, depth + 1, count))
        return mark;
      if (auto mark = expansionPastBounds(entry.second, depth + 1, count))
        return mark;
    }
  }
  return std::nullopt;
}

} // namespace

ir::SourceLocation locationOf(const std::string& displayPath, const YAML::Mark& mark) {
  if (mark.is_null())
    return {displayPath, 0, 0};
  return {displayPath, mark.line + 1, mark.column + 1};
}

ir::SourceLocation locationOf(const std::string& displayPath, const YAML::Node& node) {
  return locationOf(displayPath, node.Mark());
}

std::string yamlErrorText(const YAML::Exception& error) {
  if (dynamic_cast<const YAML::DeepRecursion*>(&error))
    return "nesting is deeper than the YAML parser's bound of 2000 levels";
  return error.msg;
}

std::optional<YAML::Node> loadYamlDocument(const std::string& displayPath, const std::string& text,
                                           ir::Diagnostics& diagnostics) {
  diagnostics.registerSource(displayPath, text);
  if (std::size_t nul = text.find('\0'); nul != std::string::npos) {
    std::size_t lineStart = text.rfind('\n', nul);
    lineStart = lineStart == std::string::npos ? 0 : lineStart + 1;
    int line = static_cast<int>(std::count(text.begin(), text.begin() + nul, '\n')) + 1;
    diagnostics.error(kYamlSyntax, {displayPath, line, static_cast<int>(nul - lineStart) + 1},
                      "file is not text: it contains NUL bytes");
    return std::nullopt;
  }
  if (auto bad = firstInvalidUtf8(text)) {
    diagnostics.error(kYamlSyntax, {displayPath, bad->first, bad->second},
                      "file is not UTF-8 text: invalid byte sequence");
    return std::nullopt;
  }
  try {
    YAML::Node document = YAML::Load(text);
    std::size_t count = 0;
    if (auto mark = expansionPastBounds(document, 0, count)) {
      diagnostics.error(kYamlSyntax, locationOf(displayPath, *mark),
                        count > kMaxExpandedNodes
                            ? "YAML aliases expand to more than 1000000 nodes"
                            : "YAML nesting is deeper than 256 levels (a cyclic alias?)");
      return std::nullopt;
    }
    return document;
  } catch (const YAML::Exception& error) {
    diagnostics.error(kYamlSyntax, locationOf(displayPath, error.mark),
                      "invalid YAML: " + yamlErrorText(error));
  } catch (const std::exception& error) {
    diagnostics.error(kYamlSyntax, {displayPath, 0, 0},
                      std::string("invalid YAML: ") + error.what());
  }
  return std::nullopt;
}

bool isPlainScalar(const YAML::Node& node) {
  return node.IsScalar() && node.Tag() == "?";
}

std::optional<YAML::Node> mappingKey(const YAML::Node& map, const std::string& key) {
  if (!map.IsMap())
    return std::nullopt;
  for (const auto& entry : map) {
    if (entry.first.IsScalar() && entry.first.Scalar() == key)
      return entry.first;
  }
  return std::nullopt;
}

} // namespace pm::frontend
