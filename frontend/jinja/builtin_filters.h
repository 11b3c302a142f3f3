// Jinja 3.1's built-in filters (plus Proton's, see proton_filters.h), with Jinja's argument
// names so that keyword calls like `truncate(length=10, killwords=true)` work.
#pragma once

#include "frontend/jinja/call_args.h"
#include "frontend/jinja/value.h"

#include <functional>
#include <string>

namespace pm::jinja {

bool isKnownFilter(const std::string& name);

// `map`, `select` and friends call other filters and tests by name through these.
struct FilterContext {
  std::function<Value(const std::string&, const Value&, const CallArgs&)> applyFilter;
  std::function<bool(const std::string&, const Value&, const CallArgs&)> applyTest;
};

// Applies filter `name` to `input`; throws TemplateError (render) on failure.
Value applyFilter(const std::string& name, const Value& input, const CallArgs& args,
                  const FilterContext& context);

} // namespace pm::jinja
