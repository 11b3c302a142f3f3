// Picking free names for a generated stack file.
#include "backends/cdk/local_names.h"

namespace pm::backends::cdk {

std::string LocalNames::fresh(const std::string& base) {
  std::string name = base;
  for (int number = 2; taken(name); ++number)
    name = base + std::to_string(number);
  take(name);
  return name;
}

} // namespace pm::backends::cdk
