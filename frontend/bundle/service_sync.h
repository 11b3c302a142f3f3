// The service-sync file (`proton-ops.yaml`, proton-format.md §7.4): which spec file and branch
// each synced service instance was deployed from.
#pragma once

#include "ir/diagnostics.h"

#include <optional>
#include <string>
#include <vector>

namespace pm::frontend {

struct SyncedInstance {
  std::string service;
  std::string instance;
  std::string branch;
  std::string specPath; // repository-relative, as written
  ir::SourceLocation location;
};

struct ServiceSync {
  std::string path;
  std::vector<SyncedInstance> instances; // in file order
};

// PRS010 for shape problems; an instance without branch or spec is an error, as in Proton.
std::optional<ServiceSync> readServiceSync(const std::string& path, ir::Diagnostics& diagnostics);

} // namespace pm::frontend
