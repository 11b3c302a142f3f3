// Line starts are computed once; each lookup is a binary search.
#include "frontend/cloudformation/line_index.h"

#include <algorithm>

namespace pm::frontend {

LineIndex::LineIndex(std::string_view text) {
  lineStarts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n')
      lineStarts_.push_back(i + 1);
}

ir::SourceLocation LineIndex::locate(const std::string& path, std::size_t offset) const {
  auto next = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  auto line = static_cast<int>(next - lineStarts_.begin());
  return {path, line, static_cast<int>(offset - *(next - 1)) + 1};
}

} // namespace pm::frontend
