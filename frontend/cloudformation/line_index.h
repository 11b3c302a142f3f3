// Converting byte offsets in a source text to 1-based lines and columns.
#pragma once

#include "ir/source_location.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pm::frontend {

class LineIndex {
public:
  explicit LineIndex(std::string_view text);
  ir::SourceLocation locate(const std::string& path, std::size_t offset) const;

private:
  std::vector<std::size_t> lineStarts_;
};

} // namespace pm::frontend
