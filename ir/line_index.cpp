// Line starts are computed once; each lookup is a binary search.
#include "ir/line_index.h"

#include <algorithm>
#include <cstring>

namespace pm::ir {

LineIndex::LineIndex(std::string_view text) {
  // memchr goes a vector at a time: every printed diagnostic indexes its whole file.
  lineStarts_.push_back(0);
  const char* begin = text.data();
  const char* end = begin + text.size();
  for (const char* at = begin; at != end;) {
    const auto* newline = static_cast<const char*>(std::memchr(at, '\n', end - at));
    if (!newline)
      break;
    at = newline + 1;
    lineStarts_.push_back(static_cast<std::size_t>(at - begin));
  }
}

SourceLocation LineIndex::locate(const std::string& path, std::size_t offset) const {
  auto next = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  auto line = static_cast<int>(next - lineStarts_.begin());
  return {path, line, static_cast<int>(offset - *(next - 1)) + 1};
}

std::string_view LineIndex::lineText(std::string_view text, int line) const {
  if (line <= 0 || static_cast<std::size_t>(line) > lineStarts_.size())
    return {};
  auto index = static_cast<std::size_t>(line - 1);
  std::size_t start = lineStarts_[index];
  std::size_t end = index + 1 < lineStarts_.size() ? lineStarts_[index + 1] - 1 : text.size();
  return text.substr(start, end - start);
}

} // namespace pm::ir
