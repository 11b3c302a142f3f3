// Recursive bundle discovery.
#include "frontend/bundle/bundle_discovery.h"

#include "frontend/bundle/archive_reader.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace pm::frontend {

namespace fs = std::filesystem;

namespace {

constexpr int kMaxDepth = 32;
const std::set<std::string> kPartFolders = {"infrastructure", "instance_infrastructure",
                                            "pipeline_infrastructure", "schema"};

bool isRegular(const fs::path& path) {
  std::error_code error;
  return fs::is_regular_file(fs::symlink_status(path, error));
}

void walk(const fs::path& dir, int depth, std::vector<std::string>& found) {
  if (depth > kMaxDepth)
    return;
  if (isRegular(dir / "schema" / "schema.yaml")) {
    found.push_back(dir.string());
    return; // a bundle's own folders are its parts, never bundles themselves
  }
  if (isRegular(dir / "manifest.yaml") && !kPartFolders.count(dir.filename().string())) {
    found.push_back(dir.string()); // a directly defined component
    return;
  }
  std::error_code error;
  std::vector<fs::directory_entry> entries;
  for (const auto& entry : fs::directory_iterator(dir, error))
    entries.push_back(entry);
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
  for (const auto& entry : entries) {
    std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.' || name == "node_modules")
      continue;
    auto status = entry.symlink_status(error);
    if (fs::is_directory(status))
      walk(entry.path(), depth + 1, found);
    else if (fs::is_regular_file(status) && looksLikeArchive(name))
      found.push_back(entry.path().string());
  }
}

} // namespace

std::vector<std::string> discoverBundles(const std::string& root) {
  std::vector<std::string> found;
  std::error_code error;
  if (fs::is_regular_file(root, error))
    return {root};
  walk(fs::path(root), 0, found);
  return found;
}

} // namespace pm::frontend
