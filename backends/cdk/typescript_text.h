// Spelling values and names as TypeScript source text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pm::backends::cdk {

// The items with `separator` between them (none before the first non-empty text).
std::string tsJoin(const std::vector<std::string>& items, std::string_view separator);
// A list or object literal of `items` between `open` and `close`: on one line when short, else
// one item per line, indented two past `indent`, the line it starts on.
std::string tsLayout(const std::vector<std::string>& items, std::string_view open,
                     std::string_view close, int indent);
// A single-quoted string literal.
std::string tsString(std::string_view text);
// Text inside a template literal (`...`): backquotes, backslashes and "${" escaped.
std::string tsTemplateText(std::string_view text);
bool isTsIdentifier(std::string_view name);
// An object literal key: the bare name when it is an identifier, else a quoted string.
std::string tsKey(std::string_view name);
// A number literal when `text` is one TypeScript reads as the same number, else empty.
std::string tsNumber(std::string_view text);
// Text safe inside a /** ... */ comment.
std::string tsCommentText(std::string_view text);

} // namespace pm::backends::cdk
