// A Terraform module packed as the .tar.gz a Service Catalog Terraform product loads: the
// module's files at the archive root, byte-for-byte the same for the same files.
#pragma once

#include <map>
#include <string>

namespace pm::backends::sc {

// `files` by path relative to the archive root ('/' separators). Entries are sorted by path and
// carry a fixed mode (0644), owner (0:0) and modification time (the epoch); the gzip header has
// no timestamp and no file name, so the bytes depend on the files only.
std::string moduleArchive(const std::map<std::string, std::string>& files);

} // namespace pm::backends::sc
