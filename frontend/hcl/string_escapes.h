// Decoding the escapes of HCL template text: backslash escapes in quoted strings, and the `$${`
// and `%%{` escapes that keep template sequences literal in both strings and heredocs.
#pragma once

#include <string>
#include <string_view>

namespace pm::frontend::hcl {

// Text between the quotes of a quoted string: `\n`, `\t`, `\r`, `\"`, `\\`, `\uNNNN`,
// `\UNNNNNNNN`, `$${` and `%%{`. An unknown escape is kept as written.
std::string decodeStringLiteral(std::string_view text);
// Heredoc text: only `$${` and `%%{`.
std::string decodeTemplateEscapes(std::string_view text);

} // namespace pm::frontend::hcl
