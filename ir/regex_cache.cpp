// A bounded, thread-safe cache of compiled patterns.
#include "ir/regex_cache.h"

#include <mutex>
#include <unordered_map>

namespace pm::ir {

namespace {

// Real estates use a few dozen distinct patterns; the bound keeps hostile input from growing
// the cache without limit (beyond it, patterns are compiled per use).
constexpr std::size_t kMaxCachedPatterns = 4096;

} // namespace

std::shared_ptr<const std::regex> compiledRegex(const std::string& pattern) {
  static std::mutex mutex;
  static std::unordered_map<std::string, std::shared_ptr<const std::regex>> cache;
  {
    std::lock_guard lock(mutex);
    if (auto found = cache.find(pattern); found != cache.end())
      return found->second;
  }
  auto compiled = std::make_shared<const std::regex>(pattern); // may throw: nothing cached
  std::lock_guard lock(mutex);
  if (cache.size() < kMaxCachedPatterns)
    cache.emplace(pattern, compiled);
  return compiled;
}

} // namespace pm::ir
