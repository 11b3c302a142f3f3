// Checking input values (spec values, schema defaults) against a schema property, the way
// Proton validated a spec before it rendered anything.
#pragma once

#include "frontend/bundle/schema.h"

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

namespace pm::frontend {

struct InputProblem {
  std::string keyword; // the schema keyword violated: "maximum", "enum", "type", ...
  std::string message; // "70000 is above maximum 65535"
};

std::optional<InputProblem> checkInputValue(const SchemaProperty& property,
                                            const jinja::Value& value);

bool isValidPattern(const std::string& pattern);

// Where a set of input values comes from, for messages: the spec file and the field path
// ("instances[0].spec").
struct InputSource {
  std::string path;
  std::string fieldPrefix;
};

// Validates a mapping of input values (a spec's `spec:` block) against `type`: every value's
// type and constraints, required properties without default, and unknown names. Violations are
// MIG006 at the value, naming the schema keyword's location; returns false on any error.
bool validateInputs(const InputTypeSchema& type, const YAML::Node& values,
                    const InputSource& source, const YAML::Node& owner,
                    ir::Diagnostics& diagnostics);

} // namespace pm::frontend
