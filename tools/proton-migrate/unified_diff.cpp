// Unified diffs: Myers' O(ND) shortest edit script, grouped into hunks.
#include "tools/proton-migrate/unified_diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace pm::driver {

namespace {

constexpr int kContext = 3;
// Past this many edits the search stops and the whole text counts as replaced: the diff is
// then as long as both texts anyway, and the search's memory grows with edits times lines.
constexpr int kMaxEdits = 4000;

struct Line {
  std::string text;
  bool finalWithoutNewline = false;
};

std::vector<Line> splitLines(const std::string& text) {
  std::vector<Line> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      lines.push_back({text.substr(start), true});
      break;
    }
    lines.push_back({text.substr(start, end - start), false});
    start = end + 1;
  }
  return lines;
}

bool sameLine(const Line& a, const Line& b) {
  return a.text == b.text && a.finalWithoutNewline == b.finalWithoutNewline;
}

enum class Op { Keep, Remove, Add };

// The edit script from `a` to `b`, in order.
std::vector<Op> editScript(const std::vector<Line>& a, const std::vector<Line>& b) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  const int offset = n + m + 1;
  std::vector<int> v(2 * offset + 1, 0);
  std::vector<std::vector<int>> trace;
  int found = -1;
  for (int d = 0; d <= std::min(n + m, kMaxEdits) && found < 0; ++d) {
    trace.push_back(v);
    for (int k = -d; k <= d; k += 2) {
      bool down = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]);
      int x = down ? v[offset + k + 1] : v[offset + k - 1] + 1;
      int y = x - k;
      while (x < n && y < m && sameLine(a[x], b[y]))
        ++x, ++y;
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  std::vector<Op> ops;
  if (found < 0) { // too different: everything removed, then everything added
    ops.assign(n, Op::Remove);
    ops.insert(ops.end(), m, Op::Add);
    return ops;
  }
  int x = n, y = m;
  for (int d = found; d > 0; --d) {
    const std::vector<int>& previous = trace[d];
    int k = x - y;
    bool down = k == -d || (k != d && previous[offset + k - 1] < previous[offset + k + 1]);
    int previousK = down ? k + 1 : k - 1;
    int previousX = previous[offset + previousK], previousY = previousX - previousK;
    while (x > previousX && y > previousY)
      ops.push_back(Op::Keep), --x, --y;
    ops.push_back(down ? Op::Add : Op::Remove);
    x = previousX, y = previousY;
  }
  while (x > 0 && y > 0)
    ops.push_back(Op::Keep), --x, --y;
  std::reverse(ops.begin(), ops.end());
  return ops;
}

std::string lineText(char mark, const Line& line) {
  return mark + line.text + (line.finalWithoutNewline ? "\n\\ No newline at end of file\n" : "\n");
}

// "start,count" of a hunk side; an empty side names the line before it, as diff does.
std::string range(int start, int count) {
  if (count == 0)
    return fmt::format("{},0", start);
  return count == 1 ? fmt::format("{}", start + 1) : fmt::format("{},{}", start + 1, count);
}

} // namespace

std::string unifiedDiff(const std::string& oldText, const std::string& newText,
                        const std::string& oldName, const std::string& newName) {
  if (oldText == newText)
    return "";
  std::vector<Line> a = splitLines(oldText), b = splitLines(newText);
  std::vector<Op> ops = editScript(a, b);
  std::string out = "--- " + oldName + "\n+++ " + newName + "\n";
  std::size_t i = 0;
  std::vector<int> oldAt(ops.size() + 1), newAt(ops.size() + 1); // line numbers before each op
  for (std::size_t j = 0; j < ops.size(); ++j) {
    oldAt[j + 1] = oldAt[j] + (ops[j] != Op::Add);
    newAt[j + 1] = newAt[j] + (ops[j] != Op::Remove);
  }
  while (i < ops.size()) {
    while (i < ops.size() && ops[i] == Op::Keep)
      ++i;
    if (i == ops.size())
      break;
    std::size_t first = i >= kContext ? i - kContext : 0;
    std::size_t last = i; // one past the hunk's last op
    for (std::size_t keeps = 0; last < ops.size() && keeps <= 2 * kContext; ++last)
      keeps = ops[last] == Op::Keep ? keeps + 1 : 0;
    // `last` ran past up to 2*kContext+1 kept lines: keep only kContext of them.
    std::size_t trailing = 0;
    while (trailing < last - i && ops[last - 1 - trailing] == Op::Keep)
      ++trailing;
    last -= trailing - std::min<std::size_t>(trailing, kContext);
    out += fmt::format("@@ -{} +{} @@\n", range(oldAt[first], oldAt[last] - oldAt[first]),
                       range(newAt[first], newAt[last] - newAt[first]));
    for (std::size_t j = first; j < last; ++j) {
      if (ops[j] == Op::Add)
        out += lineText('+', b[newAt[j]]);
      else
        out += lineText(ops[j] == Op::Keep ? ' ' : '-', a[oldAt[j]]);
    }
    i = last;
  }
  return out;
}

} // namespace pm::driver
