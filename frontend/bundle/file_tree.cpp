// Directory-backed and memory-backed file trees.
#include "frontend/bundle/file_tree.h"

#include "ir/file_contents.h"

#include <set>

namespace pm::frontend {

namespace fs = std::filesystem;

std::string joinPath(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir == ".")
    return name;
  if (name.empty())
    return dir;
  return dir.back() == '/' ? dir + name : dir + "/" + name;
}

FileTree FileTree::fromDirectory(fs::path root, std::string displayRoot) {
  FileTree tree;
  tree.root_ = std::move(root);
  tree.displayRoot_ = std::move(displayRoot);
  return tree;
}

FileTree FileTree::fromMemory(std::map<std::string, std::string> files, std::string displayRoot) {
  FileTree tree;
  tree.files_ = std::move(files);
  tree.inMemory_ = true;
  tree.displayRoot_ = std::move(displayRoot);
  return tree;
}

bool FileTree::isFile(const std::string& relative) const {
  if (inMemory())
    return files_.count(relative) > 0;
  std::error_code error;
  return fs::is_regular_file(root_ / relative, error);
}

bool FileTree::isDirectory(const std::string& relative) const {
  if (inMemory()) {
    if (relative.empty() || relative == ".")
      return true;
    auto prefix = relative + "/";
    auto found = files_.lower_bound(prefix);
    return found != files_.end() && found->first.rfind(prefix, 0) == 0;
  }
  std::error_code error;
  return fs::is_directory(root_ / relative, error);
}

std::optional<std::string> FileTree::read(const std::string& relative) const {
  if (inMemory()) {
    auto found = files_.find(relative);
    if (found == files_.end())
      return std::nullopt;
    return found->second;
  }
  if (!isFile(relative))
    return std::nullopt;
  return ir::readFileContents(root_ / relative);
}

std::vector<std::string> FileTree::list(const std::string& relativeDir) const {
  std::set<std::string> names;
  if (inMemory()) {
    std::string prefix = relativeDir.empty() || relativeDir == "." ? "" : relativeDir + "/";
    for (auto it = files_.lower_bound(prefix); it != files_.end(); ++it) {
      if (it->first.rfind(prefix, 0) != 0)
        break;
      std::string rest = it->first.substr(prefix.size());
      names.insert(rest.substr(0, rest.find('/')));
    }
  } else {
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(root_ / relativeDir, error))
      names.insert(entry.path().filename().string());
  }
  return {names.begin(), names.end()}; // sorted: output never depends on file-system order
}

FileTree FileTree::subtree(const std::string& relativeDir) const {
  if (relativeDir.empty() || relativeDir == ".")
    return *this;
  if (!inMemory())
    return fromDirectory(root_ / relativeDir, displayPath(relativeDir));
  std::map<std::string, std::string> files;
  std::string prefix = relativeDir + "/";
  for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.rfind(prefix, 0) == 0;
       ++it)
    files.emplace(it->first.substr(prefix.size()), it->second);
  return fromMemory(std::move(files), displayPath(relativeDir));
}

std::string FileTree::displayPath(const std::string& relative) const {
  return joinPath(displayRoot_, relative);
}

} // namespace pm::frontend
