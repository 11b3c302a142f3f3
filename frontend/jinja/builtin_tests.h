// Jinja's built-in tests (`is defined`, `is divisibleby 3`, ...).
#pragma once

#include "frontend/jinja/call_args.h"
#include "frontend/jinja/value.h"

#include <string>

namespace pm::jinja {

bool isKnownTest(const std::string& name);

// Applies test `name`; undefined input raises except for the tests Jinja lets it through.
bool applyTest(const std::string& name, const Value& input, const CallArgs& args);

} // namespace pm::jinja
