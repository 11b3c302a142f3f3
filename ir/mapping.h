// A named mapping of a module (the Mappings section): top-level key -> second-level key -> value.
#pragma once

#include "ir/expr.h"
#include "ir/source_location.h"

#include <string>
#include <string_view>

namespace pm::ir {

struct Mapping {
  std::string name;
  ExprPtr entries; // a Map of Maps
  SourceLocation location;

  // The value at [topLevelKey][secondLevelKey], or null.
  ExprPtr find(std::string_view topLevelKey, std::string_view secondLevelKey) const;
};

} // namespace pm::ir
