// libarchive, opened on first use. Most runs read and write no archive, and loading libarchive
// at start (with libxml2, ICU, nettle and five compressors behind it) cost about a millisecond
// of every process, a seventh of a one-template `convert`.
#pragma once

#include <archive.h>
#include <archive_entry.h>

namespace pm::ir {

// The libarchive functions the tool calls, by their C names.
#define PM_ARCHIVE_FUNCTIONS(X)                                                                    \
  X(archive_entry_filetype)                                                                        \
  X(archive_entry_free)                                                                            \
  X(archive_entry_hardlink)                                                                        \
  X(archive_entry_new)                                                                             \
  X(archive_entry_pathname)                                                                        \
  X(archive_entry_set_filetype)                                                                    \
  X(archive_entry_set_gid)                                                                         \
  X(archive_entry_set_mtime)                                                                       \
  X(archive_entry_set_pathname)                                                                    \
  X(archive_entry_set_perm)                                                                        \
  X(archive_entry_set_size)                                                                        \
  X(archive_entry_set_uid)                                                                         \
  X(archive_error_string)                                                                          \
  X(archive_read_data)                                                                             \
  X(archive_read_free)                                                                             \
  X(archive_read_new)                                                                              \
  X(archive_read_next_header)                                                                      \
  X(archive_read_open_filename)                                                                    \
  X(archive_read_support_filter_gzip)                                                              \
  X(archive_read_support_format_gnutar)                                                            \
  X(archive_read_support_format_tar)                                                               \
  X(archive_write_add_filter_gzip)                                                                 \
  X(archive_write_close)                                                                           \
  X(archive_write_data)                                                                            \
  X(archive_write_free)                                                                            \
  X(archive_write_header)                                                                          \
  X(archive_write_new)                                                                             \
  X(archive_write_open)                                                                            \
  X(archive_write_set_format_ustar)                                                                \
  X(archive_write_set_options)

struct ArchiveLibrary {
#define PM_ARCHIVE_MEMBER(name) decltype(&::name) name = nullptr;
  PM_ARCHIVE_FUNCTIONS(PM_ARCHIVE_MEMBER)
#undef PM_ARCHIVE_MEMBER
};

// The library, loaded by the first call (thread-safe). Throws std::runtime_error when it cannot
// be loaded: an installation problem (the package depends on it).
const ArchiveLibrary& archiveLibrary();

} // namespace pm::ir
