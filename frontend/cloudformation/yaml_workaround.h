// A workaround for a yaml-cpp 0.7 bug: a tagged block scalar as a block sequence item
// ("- !Ref >-" followed by its text indented two spaces) fails with "end of sequence not found"
// (jbeder/yaml-cpp#1163). Rendered Proton templates contain exactly that, and the YAML is valid.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace pm::frontend {

// The text with the content lines of such block scalars indented by kBlockScalarPadding more
// (which leaves their value unchanged: a block scalar strips its common indentation), and where
// the padding went, so offsets can be mapped back to the original text.
struct PaddedYaml {
  std::string text;
  std::vector<std::size_t> paddingOffsets; // offsets in `text` of each inserted padding, sorted

  std::size_t originalOffset(std::size_t paddedOffset) const;
};

inline constexpr std::size_t kBlockScalarPadding = 2;

// Null when the text has no tagged block scalar in a sequence (nothing to work around).
std::optional<PaddedYaml> padTaggedBlockScalarsInSequences(const std::string& text);

} // namespace pm::frontend
