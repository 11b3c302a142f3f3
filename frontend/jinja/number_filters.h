// Jinja's number filters: int, float, round and abs, with Python's parsing and rounding.
#pragma once

#include "frontend/jinja/builtin_filters.h"

namespace pm::jinja {

Value doInt(const Value& input, const CallArgs& args, const FilterContext& context);
Value doFloat(const Value& input, const CallArgs& args, const FilterContext& context);
Value doRound(const Value& input, const CallArgs& args, const FilterContext& context);
Value doAbs(const Value& input, const CallArgs& args, const FilterContext& context);

} // namespace pm::jinja
