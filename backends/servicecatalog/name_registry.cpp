// Logical names for generated parameters, conditions and loops.
#include "backends/servicecatalog/name_registry.h"

#include <cctype>

namespace pm::backends::sc {

std::string pascalName(std::string_view text) {
  std::string out;
  bool wordStart = true;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (!std::isalnum(u) || u >= 0x80) {
      wordStart = true;
      continue;
    }
    out += wordStart ? static_cast<char>(std::toupper(u)) : c;
    wordStart = false;
  }
  return out;
}

std::string NameRegistry::claim(std::string_view wanted) {
  std::string base;
  for (char c : wanted)
    if (std::isalnum(static_cast<unsigned char>(c)))
      base += c;
  if (base.empty())
    base = "Name";
  std::string name = base;
  for (int number = 2; taken(name); ++number)
    name = base + std::to_string(number);
  taken_.insert(name);
  return name;
}

} // namespace pm::backends::sc
