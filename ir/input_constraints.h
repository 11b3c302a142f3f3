// How an input's constraints changed between two template versions, and whether a value the
// old schema accepted may be rejected by the new one.
#pragma once

#include "ir/input.h"

#include <string>
#include <vector>

namespace pm::ir {

struct InputComparison {
  std::vector<std::string> details; // one line per change; empty when nothing changed
  bool breaking = false;            // a value valid before may be invalid now
};

InputComparison compareInputs(const Input& before, const Input& after);

} // namespace pm::ir
