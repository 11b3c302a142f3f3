// The files a command produces, held in memory until the driver commits them to disk at once.
// Backends write here and never to disk, so a failure leaves no partial output.
#pragma once

#include <cstddef>
#include <map>
#include <string>

namespace pm::backends {

// The most one command may write across all its files. A template that renders or converts to
// more is hostile or broken; the generated folders of the largest real bundles stay below 2 MiB.
inline constexpr std::size_t kMaxOutputTreeBytes = 256u << 20;

class OutputTree {
public:
  // `relative` uses '/' separators and must stay inside the tree (no "..", not absolute).
  // Throws std::length_error when the tree would hold more than `maxBytes` in all.
  void write(const std::string& relative, std::string content);
  std::size_t totalBytes() const { return totalBytes_; }
  std::size_t maxBytes = kMaxOutputTreeBytes;
  const std::map<std::string, std::string>& files() const { return files_; }
  bool empty() const { return files_.empty(); }

private:
  std::map<std::string, std::string> files_; // sorted: deterministic write order
  std::size_t totalBytes_ = 0;
};

} // namespace pm::backends
