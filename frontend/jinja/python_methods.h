// The Python methods templates call on values (`s.split('=')`, `d.items()`, `d.get(k)`), plus
// Jinja's global functions (`range`, `dict`) and `loop.cycle`.
#pragma once

#include "frontend/jinja/call_args.h"
#include "frontend/jinja/value.h"

#include <string>

namespace pm::jinja {

// True when Python's getattr(value, name) finds a method, which Jinja prefers over dict items.
bool isMethodName(const Value& value, const std::string& name);
// "dict", "str", "list", "tuple": the prefix of Method names.
std::string methodOwner(const Value& value);
// The global functions Jinja's default Environment offers ("range", "dict", ...).
bool isGlobalFunction(const std::string& name);

Value callMethod(const Method& method, const CallArgs& args);

} // namespace pm::jinja
