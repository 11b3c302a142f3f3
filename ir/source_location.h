// Where a construct came from: a file and a 1-based line and column.
#pragma once

#include <string>

namespace pm::ir {

struct SourceLocation {
  std::string file;
  int line = 0;   // 1-based; 0 means "the whole file" or unknown
  int column = 0; // 1-based; 0 means unknown

  bool known() const { return line > 0; }
  std::string str() const; // "file:line:col", "file:line" or "file"
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

} // namespace pm::ir
