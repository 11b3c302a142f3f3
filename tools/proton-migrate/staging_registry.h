// The staging folders and files a command is writing, so an interruption leaves none behind.
// Every output goes to a dot-prefixed sibling of its target named
// ".<target>.<purpose>-<pid>-<n>" before it is renamed into place (output_directory.h). SIGINT
// and SIGTERM are taken by a watcher thread, which removes the registered staging paths while
// no commit is renaming, then ends the process with the signal, so the previous output stays
// intact. SIGKILL cannot be caught: the staging paths it leaves are removed by the next commit
// to the same target, once their process is gone.
#pragma once

#include <filesystem>
#include <mutex>
#include <shared_mutex>
#include <string>

namespace pm::driver {

// Blocks SIGINT and SIGTERM in the calling thread (and the threads it starts later) and starts
// the watcher. Call once from main() before any other thread exists.
void installInterruptCleanup();

// The staging name beside `target` for this process ("new", "old", ...).
std::filesystem::path stagingSibling(const std::filesystem::path& target, const char* purpose);

// Removes the staging siblings of `target` left by processes that no longer run (SIGKILL).
void removeStaleStaging(const std::filesystem::path& target);

// Registers a staging path for the lifetime of the object; the path is removed on
// interruption. commitLock() is held while a staging path is renamed into place, so an
// interruption never sees a half-done replacement.
class StagingPath {
public:
  explicit StagingPath(std::filesystem::path path);
  ~StagingPath();
  StagingPath(const StagingPath&) = delete;
  StagingPath& operator=(const StagingPath&) = delete;
  const std::filesystem::path& path() const { return path_; }

private:
  std::filesystem::path path_;
};

std::unique_lock<std::mutex> commitLock();

// Held (shared) while a folder or file is created inside a staging path. The interruption
// watcher takes it exclusively before it removes the staging paths and never gives it back, so
// no thread recreates a staging path once it is gone: a write under way finishes first, a later
// one waits for the process to end.
std::shared_lock<std::shared_mutex> stagingWriteLock();

} // namespace pm::driver
