// Proton's four custom Jinja filters, as the reference renderer (tools/proton-render.py) defines
// them, and the post-pass that indents their multi-line output to the column it was printed at.
#pragma once

#include "frontend/jinja/call_args.h"
#include "frontend/jinja/value.h"

#include <optional>
#include <string>

namespace pm::jinja {

bool isProtonFilter(const std::string& name);
Value applyProtonFilter(const std::string& name, const Value& input, const CallArgs& args);

// The reference wraps a filter's lines in \x02 ... \x03 with \x01 after each newline, then
// replaces each \x01 by as many spaces as the column of the \x02 (in code points) once the whole
// template is rendered. Returns nullopt when a block start has no end (the reference crashes).
std::optional<std::string> reindentBlocks(std::string text);

} // namespace pm::jinja
