// The indentation `terraform fmt` gives each line (see fmt_indentation.h): the net bracket
// change of each line, outside quoted strings and comments, drives a stack of levels.
#include "backends/terraform/fmt_indentation.h"

#include <vector>

namespace pm::tf {

namespace {

// The brackets a line opens minus those it closes. Quoted strings (with their ${...}
// interpolations, which may hold strings themselves) and comments do not count.
int netBrackets(std::string_view line) {
  int net = 0;
  // Nesting of strings and interpolations: each entry is the brace depth inside an
  // interpolation, or -1 for a quoted string.
  std::vector<int> nesting;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    bool inString = !nesting.empty() && nesting.back() < 0;
    if (inString) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        nesting.pop_back();
      else if ((c == '$' || c == '%') && i + 1 < line.size() && line[i + 1] == '{')
        nesting.push_back(0), ++i;
      continue;
    }
    if (c == '"') {
      nesting.push_back(-1);
      continue;
    }
    if (nesting.empty() && (c == '#' || (c == '/' && i + 1 < line.size() && line[i + 1] == '/')))
      break;
    int change = (c == '{' || c == '[' || c == '(')   ? 1
                 : (c == '}' || c == ']' || c == ')') ? -1
                                                      : 0;
    if (nesting.empty()) {
      net += change;
    } else if ((nesting.back() += change) < 0) {
      nesting.pop_back(); // the interpolation's closing brace
    }
  }
  return net;
}

} // namespace

std::string withFmtIndentation(std::string_view text) {
  std::string out;
  std::vector<int> levels; // per level, how many brackets its opening line left open
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos)
      end = text.size();
    std::string_view line = text.substr(start, end - start);
    std::size_t first = line.find_first_not_of(' ');
    if (first == std::string_view::npos) {
      out += '\n';
    } else {
      line.remove_prefix(first);
      int net = netBrackets(line);
      for (int closed = -net; closed > 0 && !levels.empty();) {
        if (closed >= levels.back()) {
          closed -= levels.back();
          levels.pop_back();
        } else {
          levels.back() -= closed;
          closed = 0;
        }
      }
      out += std::string(2 * levels.size(), ' ');
      out += line;
      out += '\n';
      if (net > 0)
        levels.push_back(net);
    }
    start = end + 1;
  }
  if (!text.empty() && text.back() != '\n')
    out.pop_back();
  return out;
}

} // namespace pm::tf
