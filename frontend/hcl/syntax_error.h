// The one error type inside the HCL reader: thrown where the text stops being HCL, caught by
// parseHcl() and turned into a located diagnostic.
#pragma once

#include <stdexcept>
#include <string>

namespace pm::frontend::hcl {

struct HclSyntaxError : std::runtime_error {
  HclSyntaxError(int line, int column, const std::string& message)
      : std::runtime_error(message), line(line), column(column) {}
  int line;
  int column;
};

} // namespace pm::frontend::hcl
