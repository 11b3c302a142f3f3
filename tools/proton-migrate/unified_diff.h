// A unified diff of two texts (the format of `diff -u`), for `check` to show what is stale.
#pragma once

#include <string>

namespace pm::driver {

// Empty when the texts are equal; otherwise "--- old\n+++ new\n" and the hunks with three
// lines of context. A text without a final newline is marked as diff marks it.
std::string unifiedDiff(const std::string& oldText, const std::string& newText,
                        const std::string& oldName, const std::string& newName);

} // namespace pm::driver
