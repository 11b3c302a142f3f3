// Edit distance with one row of memory.
#include "ir/edit_distance.h"

#include <algorithm>
#include <vector>

namespace pm::ir {

std::size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// Only the cells within `limit` of the diagonal can stay below `limit` (Ukkonen's band); every
// other cell is taken as `limit`.
std::size_t editDistanceBelow(std::string_view a, std::string_view b, std::size_t limit) {
  if (a.size() < b.size())
    std::swap(a, b); // rows over the longer name, band over the shorter
  if (a.size() - b.size() >= limit)
    return limit;
  std::vector<std::size_t> previous(b.size() + 1, limit), current(b.size() + 1, limit);
  for (std::size_t j = 0; j <= b.size(); ++j)
    previous[j] = std::min(j, limit);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t low = i > limit ? i - limit : 0, high = std::min(b.size(), i + limit);
    if (low > 0)
      current[low - 1] = limit;
    else
      current[0] = std::min(i, limit);
    std::size_t rowBest = low > 0 ? limit : current[0];
    for (std::size_t j = std::max<std::size_t>(low, 1); j <= high; ++j) {
      std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution, limit});
      rowBest = std::min(rowBest, current[j]);
    }
    if (high < b.size())
      current[high + 1] = limit;
    if (rowBest >= limit)
      return limit;
    std::swap(previous, current);
  }
  return std::min(previous[b.size()], limit);
}

} // namespace pm::ir
