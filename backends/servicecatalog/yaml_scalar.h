// YAML spelling of a string: plain when every YAML 1.1 reader (CloudFormation's, cfn-lint's,
// PyYAML) reads it back as the same string, quoted otherwise ("true", "0755", "12:30", "a: b").
#pragma once

#include <string>
#include <string_view>

namespace pm::backends::sc {

// True when `text` written plain is read back as this exact string.
bool isPlainSafe(std::string_view text);

// `text` plain, single-quoted, or double-quoted with escapes (control characters).
std::string yamlScalar(std::string_view text);

} // namespace pm::backends::sc
