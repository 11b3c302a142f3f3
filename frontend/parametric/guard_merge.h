// Merging the modules read from renders that differ in one guard (DESIGN.md "Guards"): what
// the base and a variant share stays as it is; what only one has carries the guard, at the
// finest node that differs (a resource, an output, a map entry, a list item, a value).
#pragma once

#include "ir/module.h"

#include <string>
#include <vector>

namespace pm::frontend {

// A module read from a render in which guard `guard` took the branch opposite to the base's.
struct GuardVariant {
  std::string guard;      // the guard variable
  bool baseValue = false; // the branch the base render took
  ir::Module module;
};

// Two variants that change one node in different ways: their combination was never rendered.
struct GuardOverlap {
  std::string first, second; // guard variables
  ir::SourceLocation location;
};

// `base` with every variant's differences guarded. Variants must come from renders that pin
// every other guard to the base's branch. Sections a guard cannot cover (conditions, mappings,
// parameters, a resource's type) keep the base's definition; each difference there is returned
// as an overlap with an empty `second`.
ir::Module mergeGuardVariants(const ir::Module& base, const std::vector<GuardVariant>& variants,
                              std::vector<GuardOverlap>& overlaps);

} // namespace pm::frontend
