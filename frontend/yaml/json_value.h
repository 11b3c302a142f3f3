// JSON files read as Python's json.load sees them (ints stay ints, 1.0 stays a float), with
// syntax errors located at line and column.
#pragma once

#include "frontend/jinja/value.h"
#include "ir/diagnostics.h"

#include <optional>
#include <string>

namespace pm::frontend {

std::optional<jinja::Value> loadJsonValue(const std::string& displayPath, const std::string& text,
                                          ir::Diagnostics& diagnostics);

// Line and column (1-based) of a byte offset in `text`.
ir::SourceLocation locationAtOffset(const std::string& displayPath, const std::string& text,
                                    std::size_t offset);

} // namespace pm::frontend
