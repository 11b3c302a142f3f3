// Running independent jobs on a fixed number of threads: each job is an index into the caller's
// work list, so results land in a slot of their own and their order never depends on timing.
#pragma once

#include <cstddef>
#include <functional>

namespace pm::ir {

// Runs job(0) .. job(count - 1) on `threads` threads (at least one) and returns when all are
// done. After each job, `finished` is called with the job's index, one call at a time.
void runJobs(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& job,
             const std::function<void(std::size_t)>& finished = {});

// The machine's hardware threads, at least one.
unsigned defaultThreadCount();

} // namespace pm::ir
