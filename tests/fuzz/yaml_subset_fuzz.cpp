// Differential harness of the YAML subset reader: whatever it accepts, it must read exactly as
// yaml-cpp does (kinds, texts, tags, positions, offsets).
#include "tests/fuzz/fuzz_entry_points.h"
#include "tests/fuzz/fuzz_input.h"
#include "tests/fuzz/yaml_subset_difference.h"

#include "frontend/cloudformation/yaml_subset_reader.h"
#include "frontend/cloudformation/yaml_syntax.h"

#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>

namespace pm::fuzz {

namespace {

using frontend::SyntaxNode;

std::string kindName(SyntaxNode::Kind kind) {
  static const char* const kNames[] = {"string", "number", "bool", "null", "sequence", "mapping"};
  return kNames[static_cast<int>(kind)];
}

std::string differenceOf(const SyntaxNode& subset, const SyntaxNode& reference);

std::string describe(const SyntaxNode& node) {
  return fmt::format("{} {:?} tag {:?} at {} offset {}", kindName(node.kind), node.text, node.tag,
                     node.location.str(), node.offset);
}

std::string childrenDifference(const SyntaxNode& subset, const SyntaxNode& reference) {
  if (subset.items.size() != reference.items.size() ||
      subset.entries.size() != reference.entries.size())
    return fmt::format("{} children vs {} at {}", subset.items.size() + subset.entries.size(),
                       reference.items.size() + reference.entries.size(), reference.location.str());
  for (std::size_t i = 0; i < subset.items.size(); ++i)
    if (std::string found = differenceOf(subset.items[i], reference.items[i]); !found.empty())
      return found;
  for (std::size_t i = 0; i < subset.entries.size(); ++i) {
    const auto& [subsetKey, subsetValue] = subset.entries[i];
    const auto& [referenceKey, referenceValue] = reference.entries[i];
    if (subsetKey.text != referenceKey.text || subsetKey.location != referenceKey.location)
      return fmt::format("key {:?} at {} vs {:?} at {}", subsetKey.text, subsetKey.location.str(),
                         referenceKey.text, referenceKey.location.str());
    if (std::string found = differenceOf(subsetValue, referenceValue); !found.empty())
      return found;
  }
  return {};
}

std::string differenceOf(const SyntaxNode& subset, const SyntaxNode& reference) {
  if (subset.kind != reference.kind || subset.text != reference.text ||
      subset.tag != reference.tag || subset.location != reference.location ||
      subset.offset != reference.offset)
    return "subset reader: " + describe(subset) + "\nyaml-cpp:      " + describe(reference);
  return childrenDifference(subset, reference);
}

} // namespace

std::string yamlSubsetDifference(const std::string& text) {
  std::optional<SyntaxNode> subset = frontend::readYamlSubset("t.yaml", text);
  if (!subset)
    return {};
  ir::Diagnostics diagnostics;
  std::optional<SyntaxNode> reference =
      frontend::readYamlSyntaxWithYamlCpp("t.yaml", text, diagnostics);
  if (!reference)
    return "the subset reader accepts a text yaml-cpp's reading rejects";
  if (diagnostics.errorCount() > 0)
    return "yaml-cpp's reading reports errors on a text the subset reader accepts";
  return differenceOf(*subset, *reference);
}

int yamlSubsetFuzz(const std::uint8_t* data, std::size_t size) {
  std::string difference = yamlSubsetDifference(textOf(data, size));
  if (!difference.empty()) {
    std::fprintf(stderr, "%s\n", difference.c_str());
    std::abort();
  }
  return 0;
}

} // namespace pm::fuzz
