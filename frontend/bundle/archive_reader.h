// Reads a bundle archive (.tar.gz, as uploaded to S3 for Proton) into memory. Entries that could
// write outside the bundle (absolute paths, "..", links, devices) and decompression bombs are
// refused with PRS007; nothing is ever extracted to disk.
#pragma once

#include "frontend/bundle/file_tree.h"
#include "ir/diagnostics.h"

#include <optional>
#include <string>

namespace pm::frontend {

struct ArchiveLimits {
  std::size_t maxEntries = 10'000;
  std::size_t maxTotalBytes = 64u << 20; // Proton's bundle limit is 10 MB
  std::size_t maxEntryBytes = 16u << 20;
};

bool looksLikeArchive(const std::string& path);

// A single wrapping folder (bundle/schema/...) is stripped, as Proton tolerated both forms.
std::optional<FileTree> readArchive(const std::string& path, ir::Diagnostics& diagnostics,
                                    const ArchiveLimits& limits = {});

} // namespace pm::frontend
