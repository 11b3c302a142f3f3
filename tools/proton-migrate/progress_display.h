// Batch progress on stderr: a bar redrawn in place on a terminal (done/total, rate, ETA),
// one plain line per finished item otherwise (CI logs).
#pragma once

#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>

namespace pm::driver {

class ProgressDisplay {
public:
  ProgressDisplay(std::ostream& out, std::size_t total, bool terminal);
  // One item finished, described by `line` ("converted aws-samples/.../v1 (terraform)"). On a
  // terminal only `notable` lines (failures) are printed, above the bar.
  void finished(const std::string& line, bool notable);
  // Ends the bar's line on a terminal.
  void done();

private:
  std::ostream& out_;
  std::size_t total_;
  std::size_t done_ = 0;
  bool terminal_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// Whether standard error is a terminal.
bool stderrIsTerminal();

} // namespace pm::driver
