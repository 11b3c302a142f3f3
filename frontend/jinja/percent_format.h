// Python's printf-style string formatting, `"%s-%05d" % (name, n)`, which Jinja exposes through
// the `%` operator on strings.
#pragma once

#include "frontend/jinja/template_error.h"
#include "frontend/jinja/value.h"

#include <string>

namespace pm::jinja {

// With `escapeArguments` (a Markup format string), %s and %r arguments are HTML-escaped unless
// they are Markup themselves, as markupsafe does.
std::string percentFormat(const std::string& format, const Value& args, Position position,
                          bool escapeArguments = false);

} // namespace pm::jinja
