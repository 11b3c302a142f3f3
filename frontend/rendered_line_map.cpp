// Line alignment between a Jinja source and its rendered output (longest common subsequence).
#include "frontend/rendered_line_map.h"

#include "frontend/text_lines.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace pm::frontend {

namespace {

// Past this many cells the alignment is skipped and lines map by position: a template that large
// is far beyond Proton's limits anyway.
constexpr std::size_t kMaxCells = 16u << 20;

// The lines as numbers, equal lines equal numbers: the table below compares numbers, not text.
std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>>
lineIds(const std::vector<std::string>& source, const std::vector<std::string>& rendered) {
  std::unordered_map<std::string_view, std::uint32_t> ids;
  auto number = [&](const std::vector<std::string>& lines) {
    std::vector<std::uint32_t> out;
    out.reserve(lines.size());
    for (const std::string& line : lines)
      out.push_back(ids.emplace(line, static_cast<std::uint32_t>(ids.size())).first->second);
    return out;
  };
  auto sourceIds = number(source);
  return {std::move(sourceIds), number(rendered)};
}

// The lines of `lines[from..]` that `other[from..]` also has, and for each position i of the
// rest the number of such lines before it (so the first shared line at or after i).
struct SharedLines {
  std::vector<std::uint32_t> ids;
  std::vector<std::size_t> before; // size rest + 1
};

SharedLines sharedLines(const std::vector<std::uint32_t>& lines,
                        const std::vector<std::uint32_t>& other, std::size_t from,
                        std::size_t idCount) {
  std::vector<bool> inOther(idCount, false);
  for (std::size_t j = from; j < other.size(); ++j)
    inOther[other[j]] = true;
  SharedLines shared;
  shared.before.reserve(lines.size() - from + 1);
  for (std::size_t i = from; i < lines.size(); ++i) {
    shared.before.push_back(shared.ids.size());
    if (inOther[lines[i]])
      shared.ids.push_back(lines[i]);
  }
  shared.before.push_back(shared.ids.size());
  return shared;
}

// The longest-common-subsequence alignment of source[from..] and rendered[from..] into
// `matched`; `Cell` holds subsequence lengths (16 bits halve the table when they fit). A line
// only one side has never matches, so the length for two suffixes is the length for their
// shared lines: the table holds only those (the Jinja tag lines of the source and the lines the
// render substituted drop out), and the walk below reads it through `before`, which gives the
// very values a table over every line would.
template <typename Cell>
void alignRest(const std::vector<std::uint32_t>& source, const std::vector<std::uint32_t>& rendered,
               std::size_t from, std::size_t idCount, std::vector<int>& matched) {
  std::size_t n = source.size() - from, m = rendered.size() - from;
  SharedLines rows = sharedLines(source, rendered, from, idCount);
  SharedLines columns = sharedLines(rendered, source, from, idCount);
  std::size_t sharedRows = rows.ids.size(), width = columns.ids.size() + 1;
  std::vector<Cell> table((sharedRows + 1) * width, 0);
  // Row by row through plain pointers: this loop is the whole cost of the alignment.
  for (std::size_t i = sharedRows; i-- > 0;) {
    Cell* row = &table[i * width];
    const Cell* below = row + width;
    std::uint32_t line = rows.ids[i];
    Cell right = 0; // row[width - 1]
    for (std::size_t j = width - 1; j-- > 0;) {
      Cell down = below[j];
      right = columns.ids[j] == line ? static_cast<Cell>(below[j + 1] + 1)
                                     : (down > right ? down : right);
      row[j] = right;
    }
  }
  auto cell = [&](std::size_t i, std::size_t j) {
    return table[rows.before[i] * width + columns.before[j]];
  };
  for (std::size_t i = 0, j = 0; i < n && j < m;) {
    if (source[from + i] == rendered[from + j]) {
      matched[from + j] = static_cast<int>(from + i);
      ++i, ++j;
    } else if (cell(i + 1, j) >= cell(i, j + 1)) {
      ++i;
    } else {
      ++j;
    }
  }
}

// For each rendered line, the index of the identical source line it aligns with, or -1. Equal
// leading lines align one to one (the alignment would match them first anyway), so the table
// covers only the rest.
std::vector<int> align(const std::vector<std::string>& source,
                       const std::vector<std::string>& rendered) {
  std::size_t n = source.size(), m = rendered.size();
  std::vector<int> matched(m, -1);
  if ((n + 1) * (m + 1) > kMaxCells)
    return matched;
  auto [sourceIds, renderedIds] = lineIds(source, rendered);
  std::size_t prefix = 0;
  for (; prefix < n && prefix < m && sourceIds[prefix] == renderedIds[prefix]; ++prefix)
    matched[prefix] = static_cast<int>(prefix);
  std::size_t idCount = 0; // ids are numbered from 0 in order of first appearance
  for (const auto* ids : {&sourceIds, &renderedIds})
    for (std::uint32_t id : *ids)
      idCount = std::max<std::size_t>(idCount, id + 1);
  if (std::min(n, m) - prefix < 0xFFFF)
    alignRest<std::uint16_t>(sourceIds, renderedIds, prefix, idCount, matched);
  else
    alignRest<std::uint32_t>(sourceIds, renderedIds, prefix, idCount, matched);
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
