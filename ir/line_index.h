// Where the lines of a source text start: byte offsets to 1-based lines and columns, and a
// line's text by its number.
#pragma once

#include "ir/source_location.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pm::ir {

class LineIndex {
public:
  explicit LineIndex(std::string_view text);
  SourceLocation locate(const std::string& path, std::size_t offset) const;
  // Line `line` (1-based) of `text`, the text the index was built from, without its line
  // break; empty when there is no such line.
  std::string_view lineText(std::string_view text, int line) const;

private:
  std::vector<std::size_t> lineStarts_;
};

} // namespace pm::ir
