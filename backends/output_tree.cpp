// In-memory output files.
#include "backends/output_tree.h"

#include <stdexcept>

namespace pm::backends {

void OutputTree::write(const std::string& relative, std::string content) {
  if (relative.empty() || relative[0] == '/' || relative.find("..") != std::string::npos)
    throw std::logic_error("output path escapes the output directory: " + relative);
  files_[relative] = std::move(content);
}

} // namespace pm::backends
