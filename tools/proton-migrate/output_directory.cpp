// Atomic output directory replacement.
#include "tools/proton-migrate/output_directory.h"

#include "tools/proton-migrate/staging_registry.h"

#include "ir/thread_pool.h"

#include <cerrno>
#include <cstdio>
#include <exception>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <system_error>
#include <vector>

namespace pm::driver {

namespace fs = std::filesystem;

namespace {

void writeFile(const fs::path& file, const std::string& content) {
  auto writing = stagingWriteLock();
  std::ofstream out(file, std::ios::binary);
  out << content;
  if (!out.flush())
    throw std::runtime_error("cannot write " + file.string());
}

void createFolders(const fs::path& folder) {
  auto writing = stagingWriteLock();
  fs::create_directories(folder);
}

// The folders first, then the files on `threads` threads; the first failure in path order is
// thrown once all are done.
void writeAll(const backends::OutputTree& tree, const fs::path& root, unsigned threads) {
  createFolders(root);
  std::vector<std::pair<fs::path, const std::string*>> files;
  fs::path created = root; // files come in path order: a folder's files follow each other
  for (const auto& [relative, content] : tree.files()) {
    fs::path file = root / relative;
    if (file.parent_path() != created) {
      created = file.parent_path();
      createFolders(created);
    }
    files.emplace_back(std::move(file), &content);
  }
  std::vector<std::exception_ptr> failures(files.size());
  ir::runJobs(files.size(), threads, [&](std::size_t index) {
    try {
      writeFile(files[index].first, *files[index].second);
    } catch (...) {
      failures[index] = std::current_exception();
    }
  });
  for (const std::exception_ptr& failure : failures)
    if (failure)
      std::rethrow_exception(failure);
}

fs::path absoluteTarget(const std::string& path) {
  fs::path target = fs::absolute(fs::path(path)).lexically_normal();
  if (!target.has_filename())
    target = target.parent_path();
  fs::create_directories(target.parent_path());
  removeStaleStaging(target);
  return target;
}

// Puts `staging` in the place of `target`. An existing target is swapped with the staging path
// in one step (renameat2 RENAME_EXCHANGE), so even SIGKILL never leaves the target missing;
// where the file system cannot exchange, it is moved aside first.
void replaceTarget(const fs::path& staging, const fs::path& target) {
  auto lock = commitLock();
  if (!fs::exists(fs::symlink_status(target))) {
    fs::rename(staging, target);
    return;
  }
  if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0) {
    if (errno != EINVAL && errno != ENOSYS)
      throw std::system_error(errno, std::generic_category(), "cannot replace " + target.string());
    fs::path previous = stagingSibling(target, "old");
    StagingPath registered(previous);
    fs::rename(target, previous);
    fs::rename(staging, target);
    fs::remove_all(previous);
    return;
  }
  fs::remove_all(staging); // now the previous output
}

// Writes through a registered staging path, then replaces the target with it.
template <typename Write> void commitThroughStaging(const fs::path& target, Write write) {
  StagingPath staging(stagingSibling(target, "new"));
  try {
    write(staging.path());
    replaceTarget(staging.path(), target);
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(staging.path(), ignored);
    throw;
  }
}

// The swap replaces whatever the target is: a folder must not take the place of a file the user
// named, nor a report file the place of a folder.
void requireKind(const fs::path& target, fs::file_type kind, const char* what) {
  fs::file_status status = fs::status(target);
  if (fs::exists(status) && status.type() != kind)
    throw std::runtime_error(target.string() + " exists and is not " + what);
}

} // namespace

void commitOutputTree(const backends::OutputTree& tree, const std::string& directory,
                      unsigned threads) {
  fs::path target = absoluteTarget(directory);
  requireKind(target, fs::file_type::directory, "a folder");
  commitThroughStaging(target, [&](const fs::path& staging) { writeAll(tree, staging, threads); });
}

void commitOutputFile(const std::string& content, const std::string& path) {
  fs::path target = absoluteTarget(path);
  requireKind(target, fs::file_type::regular, "a regular file");
  commitThroughStaging(target, [&](const fs::path& staging) { writeFile(staging, content); });
}

} // namespace pm::driver
