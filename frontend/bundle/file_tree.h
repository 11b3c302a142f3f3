// A read-only view of a bundle's files, whether they sit in a directory or were read from a
// .tar.gz into memory. Readers only see relative paths ("schema/schema.yaml").
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pm::frontend {

class FileTree {
public:
  // A directory on disk; `displayRoot` is how diagnostics name it (the path the user gave).
  static FileTree fromDirectory(std::filesystem::path root, std::string displayRoot);
  // Files held in memory (an archive's entries), keyed by normalized relative path.
  static FileTree fromMemory(std::map<std::string, std::string> files, std::string displayRoot);

  bool isFile(const std::string& relative) const;
  bool isDirectory(const std::string& relative) const;
  std::optional<std::string> read(const std::string& relative) const;
  // Names (not paths) of the files and folders directly inside a folder, sorted.
  std::vector<std::string> list(const std::string& relativeDir) const;
  // The tree below a sub-folder, as its own tree (a bundle inside a template repository).
  FileTree subtree(const std::string& relativeDir) const;

  // "<root>/<relative>": the path diagnostics print.
  std::string displayPath(const std::string& relative) const;
  const std::string& displayRoot() const { return displayRoot_; }
  bool inMemory() const { return inMemory_; }
  const std::filesystem::path& diskRoot() const { return root_; }

private:
  std::filesystem::path root_;
  std::map<std::string, std::string> files_;
  std::string displayRoot_;
  bool inMemory_ = false;
};

std::string joinPath(const std::string& dir, const std::string& name);

} // namespace pm::frontend
