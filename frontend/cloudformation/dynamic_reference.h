// Recognising dynamic references ({{resolve:ssm:name}}) inside template strings.
#pragma once

#include "ir/expr.h"

#include <optional>
#include <string>

namespace pm::frontend {

// The string split into text and {{resolve:service:key}} segments, or nothing when it has no
// dynamic reference.
std::optional<ir::DynamicReferenceText> parseDynamicReferences(const std::string& text);

} // namespace pm::frontend
