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

// The lines as numbers, equal lines equal numbers: the alignment compares numbers, not text.
struct LineIds {
  std::vector<std::uint32_t> source, rendered;
  std::size_t count = 0; // the numbers are 0 .. count - 1
};

LineIds lineIds(const std::vector<std::string>& source, const std::vector<std::string>& rendered) {
  std::unordered_map<std::string_view, std::uint32_t> ids;
  auto number = [&](const std::vector<std::string>& lines) {
    std::vector<std::uint32_t> out;
    out.reserve(lines.size());
    for (const std::string& line : lines)
      out.push_back(ids.emplace(line, static_cast<std::uint32_t>(ids.size())).first->second);
    return out;
  };
  LineIds numbered;
  numbered.source = number(source);
  numbered.rendered = number(rendered);
  numbered.count = ids.size();
  return numbered;
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

// Suffix LCS lengths of two line sequences, bit-parallel (Allison and Dix; Hyyro): the sequences
// are taken backwards, so suffixes are prefixes, and the row for the last k source lines is a bit
// vector over the rendered lines whose zero bits count the LCS of those k lines with any run of
// last rendered lines. A row costs a few word operations per 64 rendered lines instead of a few
// per line, and the rows take a sixty-fourth of a table of lengths.
class SuffixLcs {
public:
  SuffixLcs(const std::vector<std::uint32_t>& rows, const std::vector<std::uint32_t>& columns)
      : n_(rows.size()), m_(columns.size()), words_((columns.size() + 63) / 64) {
    // Bit b of a vector stands for column m - 1 - b: the columns backwards.
    std::unordered_map<std::uint32_t, std::vector<std::uint64_t>> positions;
    for (std::size_t b = 0; b < m_; ++b) {
      auto& mask = positions[columns[m_ - 1 - b]];
      mask.resize(words_, 0);
      mask[b / 64] |= std::uint64_t{1} << (b % 64);
    }
    bits_.assign((n_ + 1) * words_, ~std::uint64_t{0});
    for (std::size_t k = 1; k <= n_; ++k) {
      const std::uint64_t* before = &bits_[(k - 1) * words_];
      std::uint64_t* row = &bits_[k * words_];
      auto found = positions.find(rows[n_ - k]);
      if (found == positions.end()) {
        std::copy(before, before + words_, row);
        continue;
      }
      // row = (V + U) | (V - U) with U = V & match, carries and borrows across words.
      std::uint64_t carry = 0, borrow = 0;
      for (std::size_t w = 0; w < words_; ++w) {
        std::uint64_t v = before[w], u = v & found->second[w];
        std::uint64_t sum = v + u + carry;
        carry = (sum < v || (carry && sum == v)) ? 1 : 0;
        std::uint64_t difference = v - u - borrow;
        borrow = (v < u || (borrow && v == u)) ? 1 : 0;
        row[w] = sum | difference;
      }
    }
  }

  // The LCS length of rows[i..] and columns[j..].
  std::size_t at(std::size_t i, std::size_t j) const {
    std::size_t bits = m_ - j; // the last m - j columns: bits 0 .. bits - 1
    const std::uint64_t* row = &bits_[(n_ - i) * words_];
    std::size_t ones = 0, w = 0;
    for (; (w + 1) * 64 <= bits; ++w)
      ones += static_cast<std::size_t>(__builtin_popcountll(row[w]));
    if (std::size_t rest = bits - w * 64)
      ones +=
          static_cast<std::size_t>(__builtin_popcountll(row[w] & ((std::uint64_t{1} << rest) - 1)));
    return bits - ones;
  }

private:
  std::size_t n_, m_, words_;
  std::vector<std::uint64_t> bits_; // row k: the last k rows taken
};

// The longest-common-subsequence alignment of source[from..] and rendered[from..] into
// `matched`. A line only one side has never matches, so the length for two suffixes is the
// length for their shared lines: the lengths are computed over those only (the Jinja tag lines
// of the source and the lines the render substituted drop out), and the walk below reads them
// through `before`, which gives the very values a table over every line would.
void alignRest(const std::vector<std::uint32_t>& source, const std::vector<std::uint32_t>& rendered,
               std::size_t from, std::size_t idCount, std::vector<int>& matched) {
  std::size_t n = source.size() - from, m = rendered.size() - from;
  SharedLines rows = sharedLines(source, rendered, from, idCount);
  SharedLines columns = sharedLines(rendered, source, from, idCount);
  SuffixLcs lengths(rows.ids, columns.ids);
  auto cell = [&](std::size_t i, std::size_t j) {
    return lengths.at(rows.before[i], columns.before[j]);
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
  LineIds ids = lineIds(source, rendered);
  std::size_t prefix = 0;
  for (; prefix < n && prefix < m && ids.source[prefix] == ids.rendered[prefix]; ++prefix)
    matched[prefix] = static_cast<int>(prefix);
  alignRest(ids.source, ids.rendered, prefix, ids.count, matched);
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
