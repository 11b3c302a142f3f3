// Staging paths in progress and their removal on SIGINT/SIGTERM.
#include "tools/proton-migrate/staging_registry.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <map>
#include <memory>
#include <set>
#include <string_view>
#include <thread>
#include <vector>

#include <dirent.h>
#include <pthread.h>
#include <unistd.h>

namespace pm::driver {

namespace fs = std::filesystem;

namespace {

std::mutex& registryMutex() {
  static std::mutex mutex;
  return mutex;
}

std::shared_mutex& stagingWriteMutex() {
  static std::shared_mutex mutex;
  return mutex;
}

std::set<fs::path>& registry() {
  static std::set<fs::path> paths;
  return paths;
}

std::string stagingPrefix(const fs::path& target) {
  return "." + target.filename().string() + ".";
}

// "<purpose>-<pid>-<n>" after the prefix: the pid, or 0 when the name is not one of ours.
pid_t stagingOwner(const std::string& rest) {
  auto dash = rest.find('-');
  std::string purpose = rest.substr(0, dash);
  if (dash == std::string::npos || (purpose != "new" && purpose != "old"))
    return 0;
  auto secondDash = rest.find('-', dash + 1);
  std::string digits = rest.substr(
      dash + 1, secondDash == std::string::npos ? std::string::npos : secondDash - dash - 1);
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos ||
      digits.size() > 9)
    return 0;
  return static_cast<pid_t>(std::stol(digits));
}

bool processGone(pid_t pid) {
  return ::kill(pid, 0) != 0 && errno == ESRCH;
}

sigset_t interruptSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  return signals;
}

// Runs on its own thread, never in a signal handler, so it may take locks and touch the disk.
void watchInterrupts() {
  sigset_t signals = interruptSignals();
  int signal = 0;
  while (sigwait(&signals, &signal) != 0) {
  }
  std::unique_lock<std::mutex> commit = commitLock(); // no rename is half done from here on
  std::unique_lock<std::shared_mutex> writes(stagingWriteMutex()); // nor a write
  {
    std::lock_guard<std::mutex> lock(registryMutex());
    for (const fs::path& path : registry()) {
      std::error_code ignored;
      fs::remove_all(path, ignored);
    }
  }
  // Die of the signal itself, so the parent sees how the run ended.
  std::signal(signal, SIG_DFL);
  pthread_sigmask(SIG_UNBLOCK, &signals, nullptr);
  ::raise(signal);
  ::_exit(128 + signal);
}

} // namespace

void installInterruptCleanup() {
  sigset_t signals = interruptSignals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::thread(watchInterrupts).detach();
}

fs::path stagingSibling(const fs::path& target, const char* purpose) {
  static std::atomic<unsigned> counter{0};
  return target.parent_path() / (stagingPrefix(target) + purpose + "-" +
                                 std::to_string(::getpid()) + "-" + std::to_string(++counter));
}

namespace {

// Whether `name` looks like a staging sibling ("."<target>"."<purpose>"-"<pid>...) of a process
// that is gone; which target it belongs to is checked against the prefix later.
bool staleStagingName(std::string_view name) {
  auto purposeAt = name.rfind('.');
  if (!name.starts_with('.') || purposeAt == 0 || purposeAt == std::string_view::npos)
    return false;
  pid_t owner = stagingOwner(std::string(name.substr(purposeAt + 1)));
  return owner > 0 && owner != ::getpid() && processGone(owner);
}

// The stale staging names in `folder`, read once per folder and process: leftovers are those of
// processes that ended before this one looked, and reading the folder again for each output
// would read a flat estate's output folder once per template (quadratic in its size).
std::vector<std::string> staleStagingIn(const fs::path& folder) {
  static std::mutex mutex;
  static std::map<fs::path, std::vector<std::string>> staleByFolder;
  std::lock_guard<std::mutex> lock(mutex);
  auto [found, added] = staleByFolder.try_emplace(folder);
  if (!added)
    return found->second;
  // readdir rather than fs::directory_iterator: only the names are needed, not a path each.
  std::unique_ptr<DIR, int (*)(DIR*)> listing(::opendir(folder.c_str()), ::closedir);
  if (!listing)
    return {};
  while (const dirent* entry = ::readdir(listing.get()))
    if (staleStagingName(entry->d_name))
      found->second.emplace_back(entry->d_name);
  return found->second;
}

} // namespace

void removeStaleStaging(const fs::path& target) {
  std::string prefix = stagingPrefix(target);
  for (const std::string& name : staleStagingIn(target.parent_path()))
    if (name.starts_with(prefix)) {
      std::error_code ignored;
      fs::remove_all(target.parent_path() / name, ignored);
    }
}

StagingPath::StagingPath(fs::path path) : path_(std::move(path)) {
  std::lock_guard<std::mutex> lock(registryMutex());
  registry().insert(path_);
}

StagingPath::~StagingPath() {
  std::lock_guard<std::mutex> lock(registryMutex());
  registry().erase(path_);
}

std::unique_lock<std::mutex> commitLock() {
  static std::mutex mutex;
  return std::unique_lock<std::mutex>(mutex);
}

std::shared_lock<std::shared_mutex> stagingWriteLock() {
  return std::shared_lock<std::shared_mutex>(stagingWriteMutex());
}

} // namespace pm::driver
