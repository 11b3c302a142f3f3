// The batch progress bar.
#include "tools/proton-migrate/progress_display.h"

#include <fmt/format.h>
#include <unistd.h>

namespace pm::driver {

namespace {

constexpr int kBarWidth = 30;

std::string bar(std::size_t done, std::size_t total) {
  int filled = total ? static_cast<int>(kBarWidth * done / total) : kBarWidth;
  return std::string(filled, '#') + std::string(kBarWidth - filled, '.');
}

} // namespace

ProgressDisplay::ProgressDisplay(std::ostream& out, std::size_t total, bool terminal)
    : out_(out), total_(total), terminal_(terminal) {}

void ProgressDisplay::finished(const std::string& line, bool notable) {
  ++done_;
  if (!terminal_) {
    out_ << fmt::format("[{}/{}] {}\n", done_, total_, line) << std::flush;
    return;
  }
  if (notable)
    out_ << "\r\033[K" << line << "\n";
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  double rate = elapsed > 0 ? done_ / elapsed : 0;
  double eta = rate > 0 ? (total_ - done_) / rate : 0;
  // "\r" and "erase to end of line" redraw the bar in place.
  out_ << fmt::format("\r\033[K[{}] {}/{}  {:.1f}/s  ETA {:.0f}s", bar(done_, total_), done_,
                      total_, rate, eta)
       << std::flush;
}

void ProgressDisplay::done() {
  if (terminal_ && done_ > 0)
    out_ << "\n";
}

bool stderrIsTerminal() {
  return ::isatty(STDERR_FILENO) == 1;
}

} // namespace pm::driver
