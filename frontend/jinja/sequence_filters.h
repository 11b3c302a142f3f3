// Jinja's filters over sequences and mappings: sort, map, select, join, first, ...
#pragma once

#include "frontend/jinja/builtin_filters.h"

namespace pm::jinja {

bool isSequenceFilter(const std::string& name);
Value applySequenceFilter(const std::string& name, const Value& input, const CallArgs& args,
                          const FilterContext& context);

} // namespace pm::jinja
