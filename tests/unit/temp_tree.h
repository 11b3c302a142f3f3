// A temporary folder of files for reader tests, removed when the test ends.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace pm::test {

class TempTree {
public:
  TempTree() {
    std::random_device entropy;
    root_ = std::filesystem::temp_directory_path() /
            ("pm-test-" + std::to_string(entropy()) + std::to_string(entropy()));
    std::filesystem::create_directories(root_);
  }
  ~TempTree() {
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
  }
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;

  std::string write(const std::string& relative, const std::string& content) const {
    auto path = root_ / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }
  std::string path(const std::string& relative = "") const { return (root_ / relative).string(); }

private:
  std::filesystem::path root_;
};

} // namespace pm::test
