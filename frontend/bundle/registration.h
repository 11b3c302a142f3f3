// Service template registration files of the template-sync layout: `.template-registration.yaml`
// and its legacy form `.compatible-envs` (proton-format.md §7.6).
#pragma once

#include "frontend/bundle/file_tree.h"
#include "ir/diagnostics.h"

#include <optional>
#include <string>
#include <vector>

namespace pm::frontend {

struct CompatibleEnvironment {
  std::string templateName;
  int majorVersion = 0;
  ir::SourceLocation location;
};

struct Registration {
  std::string path;
  std::vector<CompatibleEnvironment> compatibleEnvironments;
  std::vector<std::string> supportedComponentSources; // only DIRECTLY_DEFINED exists
};

// Reads whichever registration file the bundle folder holds (the YAML one wins); nothing when it
// has none. Malformed entries are PRS006.
std::optional<Registration> readRegistration(const FileTree& tree, ir::Diagnostics& diagnostics);

} // namespace pm::frontend
