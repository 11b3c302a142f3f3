// Compiled regular expressions by their pattern text, shared by every caller and thread: a
// schema's `pattern` is checked against many values (and an estate's bundles share schemas),
// and compiling a std::regex costs far more than matching it.
#pragma once

#include <memory>
#include <regex>
#include <string>

namespace pm::ir {

// The pattern compiled (ECMAScript grammar); throws std::regex_error as std::regex's
// constructor does when it cannot be read.
std::shared_ptr<const std::regex> compiledRegex(const std::string& pattern);

} // namespace pm::ir
