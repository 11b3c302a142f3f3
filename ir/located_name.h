// A name written in a template (a DependsOn entry, a condition name) with where it was written.
#pragma once

#include "ir/source_location.h"

#include <string>

namespace pm::ir {

struct LocatedName {
  std::string name;
  SourceLocation location;
  friend bool operator==(const LocatedName&, const LocatedName&) = default;
};

} // namespace pm::ir
