// Staging paths in progress and their removal on SIGINT/SIGTERM.
#include "tools/proton-migrate/staging_registry.h"

#include <atomic>
#include <cerrno>
#include <csignal>
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

void removeStaleStaging(const fs::path& target) {
  // readdir rather than fs::directory_iterator: the folder may hold thousands of outputs (one
  // per template of an estate), and only the names are needed, not a path object for each.
  std::unique_ptr<DIR, int (*)(DIR*)> folder(::opendir(target.parent_path().c_str()), ::closedir);
  if (!folder)
    return;
  std::string prefix = stagingPrefix(target);
  std::vector<std::string> stale;
  while (const dirent* entry = ::readdir(folder.get())) {
    std::string_view name = entry->d_name;
    if (!name.starts_with(prefix))
      continue;
    pid_t owner = stagingOwner(std::string(name.substr(prefix.size())));
    if (owner > 0 && owner != ::getpid() && processGone(owner))
      stale.emplace_back(name);
  }
  for (const std::string& name : stale) {
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
