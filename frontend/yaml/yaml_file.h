// Loading YAML files (schemas, manifests, specs, output maps) with located syntax errors, and
// turning yaml-cpp marks into source locations.
#pragma once

#include "ir/diagnostics.h"

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

namespace pm::frontend {

// A yaml-cpp error as a diagnostic's text: yaml-cpp words its nesting bound "bad file".
std::string yamlErrorText(const YAML::Exception& error);

// Parses one YAML document. A syntax error is reported as PRS001 at its line and column; an
// empty document yields a Null node. `displayPath` is the name used in diagnostics.
std::optional<YAML::Node> loadYamlDocument(const std::string& displayPath, const std::string& text,
                                           ir::Diagnostics& diagnostics);

ir::SourceLocation locationOf(const std::string& displayPath, const YAML::Node& node);
ir::SourceLocation locationOf(const std::string& displayPath, const YAML::Mark& mark);

// A plain (unquoted, untagged) scalar, the only kind PyYAML resolves to bool/int/float/null.
bool isPlainScalar(const YAML::Node& node);

// Looks up a key of a mapping and returns the key node itself (for "declared here" locations).
std::optional<YAML::Node> mappingKey(const YAML::Node& map, const std::string& key);

} // namespace pm::frontend
