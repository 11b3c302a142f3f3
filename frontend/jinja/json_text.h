// Jinja's `tojson`: json.dumps(sort_keys=True) made safe for HTML by escaping < > & '.
#pragma once

#include "frontend/jinja/template_error.h"
#include "frontend/jinja/value.h"

#include <optional>
#include <string>

namespace pm::jinja {

std::string htmlSafeJson(const Value& value, std::optional<std::int64_t> indent, Position position);

} // namespace pm::jinja
