// `terraform fmt`'s indentation rule, applied to printed HCL: a line is indented two spaces per
// open bracket level, where a line that opens more brackets than it closes counts as one
// level (however many it opens) and closing lines pop levels. The document printer nests by
// expression instead, which differs when one line closes and opens brackets (`], [for ...{`).
#pragma once

#include <string>
#include <string_view>

namespace pm::tf {

// `text` with each line's leading spaces set the way `terraform fmt` sets them.
std::string withFmtIndentation(std::string_view text);

} // namespace pm::tf
