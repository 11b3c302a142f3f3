// Reading one entry of a template's Parameters section into an ir::Input.
#pragma once

#include "ir/diagnostics.h"
#include "ir/expr.h"
#include "ir/input.h"

namespace pm::frontend {

ir::Input readParameter(const ir::MapEntry& entry, ir::Diagnostics& diagnostics);

} // namespace pm::frontend
