// Splitting a line of a tab-separated file (fixtures/render-cases.tsv, the corpus BUNDLES.tsv).
#pragma once

#include <sstream>
#include <string>
#include <vector>

namespace pm::test {

inline std::vector<std::string> splitTabs(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, '\t'))
    fields.push_back(field);
  return fields;
}

} // namespace pm::test
