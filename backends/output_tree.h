// The files a command produces, held in memory until the driver commits them to disk at once.
// Backends write here and never to disk, so a failure leaves no partial output.
#pragma once

#include <map>
#include <string>

namespace pm::backends {

class OutputTree {
public:
  // `relative` uses '/' separators and must stay inside the tree (no "..", not absolute).
  void write(const std::string& relative, std::string content);
  const std::map<std::string, std::string>& files() const { return files_; }
  bool empty() const { return files_.empty(); }

private:
  std::map<std::string, std::string> files_; // sorted: deterministic write order
};

} // namespace pm::backends
