// Levenshtein distance between names, for "did you mean" suggestions in diagnostics.
#pragma once

#include <cstddef>
#include <string_view>

namespace pm::ir {

std::size_t editDistance(std::string_view a, std::string_view b);

// min(editDistance(a, b), limit), in time proportional to the shorter name times `limit`: a
// suggestion only wants close names, and an unknown name of thousands of characters must not
// cost its length times every candidate's.
std::size_t editDistanceBelow(std::string_view a, std::string_view b, std::size_t limit);

} // namespace pm::ir
