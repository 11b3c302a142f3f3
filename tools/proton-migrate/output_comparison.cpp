// Output trees against folders on disk.
#include "tools/proton-migrate/output_comparison.h"

#include "tools/proton-migrate/unified_diff.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace pm::driver {

namespace {

namespace fs = std::filesystem;

std::map<std::string, std::string> filesUnder(const fs::path& root) {
  std::map<std::string, std::string> files;
  std::error_code error;
  if (!fs::is_directory(root, error))
    return files;
  for (const auto& entry : fs::recursive_directory_iterator(root, error)) {
    if (!entry.is_regular_file(error))
      continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    files[fs::relative(entry.path(), root).generic_string()] = text.str();
  }
  return files;
}

} // namespace

std::string staleFilesDiff(const backends::OutputTree& regenerated, const std::string& directory) {
  std::map<std::string, std::string> committed = filesUnder(directory);
  std::set<std::string> paths;
  for (const auto& [path, text] : committed)
    paths.insert(path);
  for (const auto& [path, text] : regenerated.files())
    paths.insert(path);
  std::string diff;
  for (const std::string& path : paths) {
    auto before = committed.find(path);
    auto after = regenerated.files().find(path);
    bool hadIt = before != committed.end(), hasIt = after != regenerated.files().end();
    diff += unifiedDiff(hadIt ? before->second : "", hasIt ? after->second : "",
                        hadIt ? directory + "/" + path : "/dev/null",
                        hasIt ? "regenerated/" + path : "/dev/null");
  }
  return diff;
}

} // namespace pm::driver
