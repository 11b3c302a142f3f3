// Runs a child process (the proton-migrate binary, the reference renderer, tar) for the tests that
// use the CLI as a black box, and captures its exit code, stdout and stderr.
#pragma once

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace pm::test {

struct ProcessResult {
  int exitCode = -1; // the child's exit status; 128+N when killed by signal N; -1 if it never ran
  bool timedOut = false;
  std::string out; // everything the child wrote to stdout
  std::string err; // everything the child wrote to stderr

  // The first line of stderr, without its newline: where the first diagnostic is.
  std::string firstErrorLine() const { return err.substr(0, err.find('\n')); }
};

// A file that is removed when it goes out of scope; the child writes its output streams here
// rather than to pipes, so a chatty child can never block on a full pipe.
class TemporaryFile {
public:
  TemporaryFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "pm-test-XXXXXX").string();
    fd_ = ::mkstemp(pattern.data());
    path_ = pattern;
  }
  ~TemporaryFile() {
    if (fd_ >= 0)
      ::close(fd_);
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;

  bool valid() const { return fd_ >= 0; }
  int fd() const { return fd_; }
  std::string read() const {
    std::ifstream in(path_, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

private:
  int fd_ = -1;
  std::string path_;
};

// A directory under the system temp folder, removed with its contents when it goes out of scope.
class TemporaryDirectory {
public:
  TemporaryDirectory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "pm-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()))
      path_ = pattern;
  }
  ~TemporaryDirectory() {
    std::error_code ignored;
    if (!path_.empty())
      std::filesystem::remove_all(path_, ignored);
  }
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;

  const std::filesystem::path& path() const { return path_; }

private:
  std::filesystem::path path_;
};

// Runs argv[0] (looked up in PATH when it has no slash) with the given arguments in
// workingDirectory, stdin from /dev/null. A child still running after timeoutSeconds is killed,
// so a hanging binary fails its test instead of hanging the suite.
inline ProcessResult runProcess(const std::vector<std::string>& argv,
                                const std::filesystem::path& workingDirectory,
                                int timeoutSeconds = 120) {
  ProcessResult result;
  if (argv.empty())
    return result;
  TemporaryFile out;
  TemporaryFile err;
  if (!out.valid() || !err.valid()) {
    result.err = "runProcess: cannot create temporary files";
    return result;
  }

  std::vector<char*> args;
  for (const std::string& arg : argv)
    args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  std::string directory = workingDirectory.string();

  pid_t child = ::fork();
  if (child < 0) {
    result.err = std::string("runProcess: fork failed: ") + std::strerror(errno);
    return result;
  }
  if (child == 0) {
    // Only async-signal-safe calls between fork and exec.
    int devNull = ::open("/dev/null", O_RDONLY);
    if (devNull >= 0)
      ::dup2(devNull, STDIN_FILENO);
    ::dup2(out.fd(), STDOUT_FILENO);
    ::dup2(err.fd(), STDERR_FILENO);
    if (!directory.empty() && ::chdir(directory.c_str()) != 0)
      ::_exit(126);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }

  int status = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeoutSeconds);
  for (;;) {
    pid_t done = ::waitpid(child, &status, WNOHANG);
    if (done == child)
      break;
    if (done < 0 && errno != EINTR) {
      result.err = std::string("runProcess: waitpid failed: ") + std::strerror(errno);
      return result;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(child, SIGKILL);
      ::waitpid(child, &status, 0);
      result.timedOut = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (WIFEXITED(status))
    result.exitCode = WEXITSTATUS(status);
  else if (WIFSIGNALED(status))
    result.exitCode = 128 + WTERMSIG(status);
  result.out = out.read();
  result.err = err.read();
  return result;
}

inline std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

} // namespace pm::test
