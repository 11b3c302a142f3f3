// What a batch run converts: every bundle under the root (frontend::discoverBundles), for every
// target, cut into shards for CI matrix jobs, each with its own output folder.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace pm::driver {

struct Shard {
  unsigned index = 1; // 1-based
  unsigned count = 1;
  std::string text() const { return std::to_string(index) + "/" + std::to_string(count); }
};

// "i/N" with 1 <= i <= N; nothing when malformed.
std::optional<Shard> parseShard(const std::string& text);

struct BatchItem {
  std::string bundlePath;   // as discovery found it (joined onto the root as given)
  std::string relativePath; // from the root, '/'-separated ("." when the root is the bundle)
  std::string target;
  std::string outputFolder; // "<target>/<relative path>", relative to the output folder
};

// The items of this shard: the sorted bundle list is dealt round-robin, bundle k to shard
// (k mod N) + 1, every target of a bundle in the same shard. Sorted by path, then target.
std::vector<BatchItem> planBatch(const std::string& root, const std::vector<std::string>& targets,
                                 const Shard& shard);

} // namespace pm::driver
