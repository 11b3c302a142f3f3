// Reading one entry of a template's Resources section into an ir::Resource.
#pragma once

#include "ir/diagnostics.h"
#include "ir/expr.h"
#include "ir/resource.h"

#include <optional>

namespace pm::frontend {

// Null when the entry is not a resource at all (not a map); problems inside a resource are
// reported and the resource is still returned.
std::optional<ir::Resource> readResource(const ir::MapEntry& entry, bool serverless,
                                         ir::Diagnostics& diagnostics);

} // namespace pm::frontend
