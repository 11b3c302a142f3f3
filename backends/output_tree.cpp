// In-memory output files.
#include "backends/output_tree.h"

#include <stdexcept>

namespace pm::backends {

void OutputTree::write(const std::string& relative, std::string content) {
  if (relative.empty() || relative[0] == '/' || relative.find("..") != std::string::npos)
    throw std::logic_error("output path escapes the output directory: " + relative);
  auto existing = files_.find(relative);
  std::size_t replaced = existing == files_.end() ? 0 : existing->second.size();
  std::size_t total = totalBytes_ - replaced + content.size();
  if (total > maxBytes)
    throw std::length_error("the output would exceed " + std::to_string(maxBytes) + " bytes (at " +
                            relative + "): nothing was written");
  totalBytes_ = total;
  files_[relative] = std::move(content);
}

} // namespace pm::backends
