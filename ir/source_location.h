// Where a construct came from: a file and a 1-based line and column.
#pragma once

#include <compare>
#include <iosfwd>
#include <string>
#include <string_view>

namespace pm::ir {

// A file name as locations hold it: interned for the life of the process, so copying a location
// copies a pointer rather than the name. Every node and expression of a template carries a
// location, and the names are paths long past the small-string buffer: copying them was a third
// of all allocations.
class SourceFile {
public:
  SourceFile() = default;
  SourceFile(std::string_view name) : name_(intern(name)) {}
  SourceFile(const std::string& name) : SourceFile(std::string_view(name)) {}
  SourceFile(const char* name) : SourceFile(std::string_view(name)) {}

  const std::string& str() const { return *name_; }
  operator const std::string&() const { return *name_; }
  operator std::string_view() const { return *name_; }
  bool empty() const { return name_->empty(); }
  const char* c_str() const { return name_->c_str(); }

  // One name, one pointer: equality compares pointers; order compares the names, so whatever is
  // sorted by file comes out the same in every run.
  friend bool operator==(const SourceFile& a, const SourceFile& b) { return a.name_ == b.name_; }
  friend bool operator==(const SourceFile& a, const std::string& b) { return *a.name_ == b; }
  friend bool operator==(const SourceFile& a, std::string_view b) { return *a.name_ == b; }
  friend bool operator==(const SourceFile& a, const char* b) { return *a.name_ == b; }
  friend std::strong_ordering operator<=>(const SourceFile& a, const SourceFile& b) {
    return a.str() <=> b.str();
  }

private:
  static const std::string* intern(std::string_view name);
  static const std::string kNoName;
  const std::string* name_ = &kNoName;
};

std::ostream& operator<<(std::ostream& out, const SourceFile& file);

struct SourceLocation {
  SourceFile file;
  int line = 0;   // 1-based; 0 means "the whole file" or unknown
  int column = 0; // 1-based; 0 means unknown

  bool known() const { return line > 0; }
  std::string str() const; // "file:line:col", "file:line" or "file"
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

} // namespace pm::ir
