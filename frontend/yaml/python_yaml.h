// YAML values as Python's yaml.safe_load sees them (YAML 1.1 resolution: `yes` is True, `1_000`
// is 1000, `1e5` is a string). Proton and the reference renderer load specs, schema defaults
// and output files this way, and Jinja prints the Python values, so we must resolve the same.
#pragma once

#include "frontend/jinja/value.h"
#include "ir/diagnostics.h"

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

namespace pm::frontend {

// The value of a plain scalar under PyYAML's SafeLoader implicit resolvers.
jinja::Value resolvePlainScalar(const std::string& text);

// Converts a whole node. Aliases are expanded like PyYAML does, but the number of nodes
// produced is bounded (a "billion laughs" document is reported, not expanded): PRS001.
std::optional<jinja::Value> toPythonValue(const YAML::Node& node, const std::string& displayPath,
                                          ir::Diagnostics& diagnostics);

} // namespace pm::frontend
