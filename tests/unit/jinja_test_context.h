// Rendering snippets for the Jinja tests with one shared context, and the outcome as text.
#pragma once

#include <string>

namespace pm::jinja::testing {

// The rendered text, or "<error: message>" so a failing CHECK shows what went wrong.
std::string renderOk(const std::string& text);
// "PRS002 <line>: message" for syntax errors (Jinja reports a line), "PRS003: message" for
// render errors (Jinja reports none).
std::string renderError(const std::string& text);

} // namespace pm::jinja::testing
