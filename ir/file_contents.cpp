// One fstat for the size, then read() until the end (a file may still grow while it is read).
#include "ir/file_contents.h"

#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pm::ir {

namespace {

// Closes the descriptor however the read ends.
struct OpenFile {
  int fd;
  ~OpenFile() {
    if (fd >= 0)
      ::close(fd);
  }
};

} // namespace

std::optional<std::string> readFileContents(const std::filesystem::path& path) {
  OpenFile file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0)
    return std::nullopt;
  struct stat info {};
  std::size_t expected =
      ::fstat(file.fd, &info) == 0 && info.st_size > 0 ? static_cast<std::size_t>(info.st_size) : 0;
  std::string text(expected + 1, '\0'); // one byte more, to see the end without another call
  std::size_t used = 0;
  for (;;) {
    if (used == text.size())
      text.resize(text.size() * 2);
    ssize_t got = ::read(file.fd, text.data() + used, text.size() - used);
    if (got < 0 && errno == EINTR)
      continue;
    if (got < 0)
      return std::nullopt;
    if (got == 0)
      break;
    used += static_cast<std::size_t>(got);
  }
  text.resize(used);
  return text;
}

} // namespace pm::ir
