// Finding "- !Tag |" / "- !Tag >" sequence items and indenting their content lines further.
#include "frontend/cloudformation/yaml_workaround.h"

#include "frontend/text_lines.h"

#include <algorithm>
#include <regex>
#include <string_view>

namespace pm::frontend {

namespace {

std::size_t indentation(std::string_view line) {
  std::size_t spaces = line.find_first_not_of(' ');
  return spaces == std::string_view::npos ? line.size() : spaces;
}

bool isBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// A sequence item that is a tagged block scalar without an explicit indentation indicator
// (with one, padding would change the value).
bool isTaggedBlockScalarItem(const std::string& line) {
  static const std::regex item(R"(^ *- +![^ ]+ +[|>][+-]?[ \t]*(#.*)?\r?$)");
  return std::regex_match(line, item);
}

} // namespace

std::size_t PaddedYaml::originalOffset(std::size_t paddedOffset) const {
  auto before = std::lower_bound(paddingOffsets.begin(), paddingOffsets.end(), paddedOffset);
  return paddedOffset -
         kBlockScalarPadding * static_cast<std::size_t>(before - paddingOffsets.begin());
}

std::optional<PaddedYaml> padTaggedBlockScalarsInSequences(const std::string& text) {
  std::vector<std::string> lines = splitLines(text);
  PaddedYaml out;
  std::size_t dashColumn = 0;
  bool inBlockScalar = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (inBlockScalar && !isBlank(line) && indentation(line) <= dashColumn)
      inBlockScalar = false;
    if (inBlockScalar && !isBlank(line)) {
      out.paddingOffsets.push_back(out.text.size());
      out.text.append(kBlockScalarPadding, ' ');
    }
    out.text += line;
    if (i + 1 < lines.size())
      out.text += '\n';
    if (!inBlockScalar && isTaggedBlockScalarItem(line)) {
      inBlockScalar = true;
      dashColumn = indentation(line);
    }
  }
  if (out.paddingOffsets.empty())
    return std::nullopt;
  return out;
}

} // namespace pm::frontend
