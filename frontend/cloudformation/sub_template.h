// Parsing the template string of Fn::Sub into literal text and ${...} variable parts.
#pragma once

#include "ir/expr.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace pm::frontend {

struct ParsedSubPart {
  ir::SubPart part;       // location left empty: the caller knows where the string is
  std::size_t offset = 0; // where the part starts in the template string
};

// "${Name}" and "${Name.Attr}" are variables, "${!Literal}" is the literal text "${Literal}".
// An unterminated "${" stays literal text (CloudFormation rejects it; the caller reports it).
std::vector<ParsedSubPart> parseSubTemplate(std::string_view source);

} // namespace pm::frontend
