// Quoting unquoted object keys that contain ':'.
#include "frontend/hcl/colon_key_repair.h"

#include <cctype>
#include <optional>

namespace pm::frontend::hcl {

namespace {

bool isNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

// The end of a `name:name[:name...]` key starting at `at` followed by `=` (not `==`), or nothing.
std::optional<std::size_t> colonKeyEnd(const std::string& line, std::size_t at) {
  std::size_t end = at;
  int colons = 0;
  while (end < line.size() && (isNameChar(line[end]) || line[end] == ':')) {
    colons += line[end] == ':';
    ++end;
  }
  if (colons == 0 || end == at || line[at] == ':' || line[end - 1] == ':' ||
      std::isdigit(static_cast<unsigned char>(line[at])))
    return std::nullopt;
  std::size_t equals = line.find_first_not_of(" \t", end);
  if (equals == std::string::npos || line[equals] != '=' ||
      (equals + 1 < line.size() && line[equals + 1] == '='))
    return std::nullopt;
  return end;
}

// The terminator of a heredoc the line opens (`<<EOT`, `<<-EOT`), else empty.
std::string heredocTerminator(const std::string& line) {
  std::size_t open = line.find("<<");
  if (open == std::string::npos)
    return {};
  std::size_t start = open + 2 + (open + 2 < line.size() && line[open + 2] == '-');
  std::size_t end = start;
  while (end < line.size() && isNameChar(line[end]))
    ++end;
  return line.substr(start, end - start);
}

} // namespace

std::string quoteColonKeys(const std::string& displayPath, const std::string& text,
                           ir::Diagnostics& diagnostics) {
  std::string out;
  std::string terminator;
  int lineNumber = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t newline = text.find('\n', start);
    std::size_t length = newline == std::string::npos ? text.size() - start : newline - start + 1;
    std::string line = text.substr(start, length);
    start += length;
    ++lineNumber;
    std::size_t first = line.find_first_not_of(" \t");
    if (!terminator.empty()) {
      if (first != std::string::npos && line.compare(first, terminator.size(), terminator) == 0)
        terminator.clear();
    } else if (first != std::string::npos) {
      if (auto end = colonKeyEnd(line, first)) {
        std::string key = line.substr(first, *end - first);
        diagnostics.warning(kColonKeyRepairRule,
                            {displayPath, lineNumber, static_cast<int>(first) + 1},
                            "the object key " + key +
                                " holds ':' and is not quoted, which Terraform rejects; it is "
                                "written quoted");
        line = line.substr(0, first) + "\"" + key + "\"" + line.substr(*end);
      }
      terminator = heredocTerminator(line);
    }
    out += line;
  }
  return out;
}

} // namespace pm::frontend::hcl
