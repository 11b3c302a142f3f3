// Process exit codes (DESIGN.md "Diagnostics and failure").
#pragma once

namespace pm::driver {

constexpr int kExitSuccess = 0;
constexpr int kExitFindings = 1;   // findings at or above --fail-on, or a check/diff mismatch
constexpr int kExitUsage = 2;      // bad command line, or a command not implemented yet
constexpr int kExitInputError = 3; // the input is malformed

} // namespace pm::driver
