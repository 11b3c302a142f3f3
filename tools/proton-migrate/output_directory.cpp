// Atomic output directory replacement.
#include "tools/proton-migrate/output_directory.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <unistd.h>

namespace pm::driver {

namespace fs = std::filesystem;

namespace {

fs::path temporarySibling(const fs::path& target, const char* purpose) {
  std::random_device entropy;
  std::string suffix = std::to_string(::getpid()) + "-" + std::to_string(entropy() % 1000000);
  return target.parent_path() / ("." + target.filename().string() + "." + purpose + "-" + suffix);
}

void writeAll(const backends::OutputTree& tree, const fs::path& root) {
  fs::create_directories(root);
  for (const auto& [relative, content] : tree.files()) {
    fs::path file = root / relative;
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out << content;
    if (!out.flush())
      throw std::runtime_error("cannot write " + file.string());
  }
}

} // namespace

void commitOutputTree(const backends::OutputTree& tree, const std::string& directory) {
  fs::path target = fs::absolute(fs::path(directory)).lexically_normal();
  if (!target.has_filename())
    target = target.parent_path();
  fs::create_directories(target.parent_path());
  fs::path staging = temporarySibling(target, "new");
  try {
    writeAll(tree, staging);
    if (fs::exists(target)) {
      fs::path previous = temporarySibling(target, "old");
      fs::rename(target, previous);
      fs::rename(staging, target);
      fs::remove_all(previous);
    } else {
      fs::rename(staging, target);
    }
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(staging, ignored);
    throw;
  }
}

} // namespace pm::driver
