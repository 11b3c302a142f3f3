// A pool of std::jthreads taking job indices from a shared counter.
#include "ir/thread_pool.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace pm::ir {

void runJobs(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& job,
             const std::function<void(std::size_t)>& finished) {
  std::atomic<std::size_t> next{0};
  std::mutex finishing;
  auto work = [&] {
    for (std::size_t index = next++; index < count; index = next++) {
      job(index);
      if (finished) {
        std::lock_guard lock(finishing);
        finished(index);
      }
    }
  };
  std::size_t workers =
      std::min<std::size_t>(std::max(threads, 1u), std::max<std::size_t>(count, 1));
  std::vector<std::jthread> pool;
  for (std::size_t i = 1; i < workers; ++i)
    pool.emplace_back(work);
  work(); // the calling thread is one of the workers
}

unsigned defaultThreadCount() {
  return std::max(std::thread::hardware_concurrency(), 1u);
}

} // namespace pm::ir
