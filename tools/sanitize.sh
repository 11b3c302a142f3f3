#!/usr/bin/env bash
# The whole test suite (ctest, unit and end-to-end) on an AddressSanitizer + LeakSanitizer +
# UndefinedBehaviorSanitizer build in its own folder. A sanitizer report aborts the process that
# made it, so the test that ran it fails; the report is in ctest's output.
#
# Usage: tools/sanitize.sh [CTEST_ARGS...]    e.g. tools/sanitize.sh -L unit
# Environment: SANITIZE_BUILD_DIR (default build-sanitize).
set -euo pipefail
cd "$(dirname "$0")/.."

export BUILD_DIR="${SANITIZE_BUILD_DIR:-build-sanitize}"
export PM_CMAKE_ARGS="-DPM_SANITIZE=ON"
# abort_on_error gives a core-less abort the tests see as a failure; leaks are errors too.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

if [ $# -eq 0 ]; then
  exec tools/bootstrap test
fi
tools/bootstrap build
exec ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)" "$@"
