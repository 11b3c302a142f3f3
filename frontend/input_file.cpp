// Bounded reading of user-named input files.
#include "frontend/input_file.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace pm::frontend {

std::optional<std::string> readInputFile(const std::string& path, ir::Diagnostics& diagnostics) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::exists(path, error)) {
    diagnostics.error("PRS011", {path, 0, 0}, "no such file");
    return std::nullopt;
  }
  if (!fs::is_regular_file(path, error)) {
    diagnostics.error("PRS011", {path, 0, 0}, "not a regular file");
    return std::nullopt;
  }
  if (fs::file_size(path, error) > kMaxInputFileBytes) {
    diagnostics.error("PRS011", {path, 0, 0},
                      "file is larger than " + std::to_string(kMaxInputFileBytes >> 20) + " MiB");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.error("PRS011", {path, 0, 0}, "cannot open file for reading");
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

} // namespace pm::frontend
