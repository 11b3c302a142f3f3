// Splitting text into lines the way line numbers count them: "a\nb" and "a\nb\n" differ by a
// final empty line, so the last line number always exists.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pm::frontend {

std::vector<std::string> splitLines(const std::string& text);

// The line and column (1-based, the column counted in bytes) of the first byte that is not part
// of well-formed UTF-8 (overlong forms, surrogates and code points past U+10FFFF included);
// nothing when the text is UTF-8. Proton read bundles as UTF-8 and failed on anything else.
std::optional<std::pair<int, int>> firstInvalidUtf8(const std::string& text);

} // namespace pm::frontend
