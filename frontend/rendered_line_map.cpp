// Line alignment between a Jinja source and its rendered output (longest common subsequence).
#include "frontend/rendered_line_map.h"

#include "frontend/text_lines.h"

#include <algorithm>
#include <cstdint>

namespace pm::frontend {

namespace {

// Past this many cells the alignment is skipped and lines map by position: a template that large
// is far beyond Proton's limits anyway.
constexpr std::size_t kMaxCells = 16u << 20;

// For each rendered line, the index of the identical source line it aligns with, or -1.
std::vector<int> align(const std::vector<std::string>& source,
                       const std::vector<std::string>& rendered) {
  std::size_t n = source.size(), m = rendered.size();
  std::vector<int> matched(m, -1);
  if ((n + 1) * (m + 1) > kMaxCells)
    return matched;
  std::vector<std::uint32_t> table((n + 1) * (m + 1), 0);
  auto cell = [&](std::size_t i, std::size_t j) -> std::uint32_t& {
    return table[i * (m + 1) + j];
  };
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      cell(i, j) = source[i] == rendered[j] ? cell(i + 1, j + 1) + 1
                                            : std::max(cell(i + 1, j), cell(i, j + 1));
  for (std::size_t i = 0, j = 0; i < n && j < m;) {
    if (source[i] == rendered[j]) {
      matched[j] = static_cast<int>(i);
      ++i, ++j;
    } else if (cell(i + 1, j) >= cell(i, j + 1)) {
      ++i;
    } else {
      ++j;
    }
  }
  return matched;
}

} // namespace

RenderedLineMap::RenderedLineMap(const std::string& source, const std::string& rendered) {
  auto sourceLines = splitLines(source);
  auto renderedLines = splitLines(rendered);
  auto matched = align(sourceLines, renderedLines);
  int lastSource = static_cast<int>(sourceLines.size());
  sourceLine_.assign(renderedLines.size() + 1, 1);
  unchanged_.assign(renderedLines.size() + 1, false);
  // A run of changed lines between two unchanged ones maps onto the source lines between them,
  // in order, the last ones sharing the final source line when the render produced more lines.
  int previous = -1; // 0-based source index of the last unchanged line
  for (std::size_t j = 0; j < renderedLines.size();) {
    if (matched[j] >= 0) {
      previous = matched[j];
      sourceLine_[j + 1] = previous + 1;
      unchanged_[j + 1] = true;
      ++j;
      continue;
    }
    std::size_t runEnd = j;
    while (runEnd < renderedLines.size() && matched[runEnd] < 0)
      ++runEnd;
    int next = runEnd < renderedLines.size() ? matched[runEnd] : lastSource;
    int last = std::max(previous + 1, next - 1); // last 0-based source index the run may use
    for (int k = 0; j < runEnd; ++j, ++k)
      sourceLine_[j + 1] = std::min(std::min(previous + 1 + k, last), lastSource - 1) + 1;
  }
}

int RenderedLineMap::sourceLine(int renderedLine) const {
  if (renderedLine <= 0 || renderedLine >= static_cast<int>(sourceLine_.size()))
    return renderedLine;
  return sourceLine_[renderedLine];
}

bool RenderedLineMap::unchanged(int renderedLine) const {
  return renderedLine > 0 && renderedLine < static_cast<int>(unchanged_.size()) &&
         unchanged_[renderedLine];
}

} // namespace pm::frontend
