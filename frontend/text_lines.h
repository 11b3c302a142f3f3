// Splitting text into lines the way line numbers count them: "a\nb" and "a\nb\n" differ by a
// final empty line, so the last line number always exists.
#pragma once

#include <string>
#include <vector>

namespace pm::frontend {

std::vector<std::string> splitLines(const std::string& text);

} // namespace pm::frontend
