// The process-wide table of interned file names.
#include "ir/source_location.h"

#include <functional>
#include <mutex>
#include <ostream>
#include <unordered_set>

namespace pm::ir {

namespace {

struct NameHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view name) const {
    return std::hash<std::string_view>{}(name);
  }
};

struct NameTable {
  std::mutex mutex;
  // Nodes never move, so the pointers handed out stay valid as the table grows.
  std::unordered_set<std::string, NameHash, std::equal_to<>> names;
};

// Never destroyed: locations in objects with static storage may outlive any destruction order.
NameTable& nameTable() {
  static NameTable* table = new NameTable;
  return *table;
}

} // namespace

const std::string SourceFile::kNoName;

const std::string* SourceFile::intern(std::string_view name) {
  if (name.empty())
    return &kNoName;
  // A reader makes thousands of locations in one file in a row: the last name a thread interned
  // answers those without the lock.
  thread_local const std::string* last = nullptr;
  if (last && *last == name)
    return last;
  NameTable& table = nameTable();
  std::lock_guard<std::mutex> lock(table.mutex);
  auto found = table.names.find(name);
  if (found == table.names.end())
    found = table.names.emplace(name).first;
  last = &*found;
  return last;
}

std::ostream& operator<<(std::ostream& out, const SourceFile& file) {
  return out << file.str();
}

std::string SourceLocation::str() const {
  std::string out = file;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0)
      out += ":" + std::to_string(column);
  }
  return out;
}

} // namespace pm::ir
