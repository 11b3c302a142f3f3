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

// What the tools run on generated code leave beside it (npm install, cdk synth, terraform init
// and apply): the folders are never generated; the files are compared only when generated.
const std::set<std::string> kToolFolders = {".git", ".terraform", "cdk.out", "node_modules"};
const std::set<std::string> kToolFiles = {".terraform.lock.hcl", "package-lock.json",
                                          "terraform.tfstate", "terraform.tfstate.backup"};

bool isToolFile(const std::string& path) {
  return kToolFiles.count(fs::path(path).filename().string()) > 0;
}

std::map<std::string, std::string> filesUnder(const fs::path& root) {
  std::map<std::string, std::string> files;
  std::error_code error;
  if (!fs::is_directory(root, error))
    return files;
  for (auto it = fs::recursive_directory_iterator(root, error);
       it != fs::recursive_directory_iterator(); it.increment(error)) {
    std::string name = it->path().filename().string();
    if (it->is_directory(error) && kToolFolders.count(name))
      it.disable_recursion_pending();
    if (!it->is_regular_file(error))
      continue;
    const fs::directory_entry& entry = *it;
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
    if (!hasIt && isToolFile(path))
      continue;
    diff += unifiedDiff(hadIt ? before->second : "", hasIt ? after->second : "",
                        hadIt ? directory + "/" + path : "/dev/null",
                        hasIt ? "regenerated/" + path : "/dev/null");
  }
  return diff;
}

} // namespace pm::driver
