// Writing the archive with libarchive into memory: ustar entries (no pax headers, which would
// record access times), gzip without the timestamp.
#include "backends/servicecatalog/module_archive.h"

#include "ir/archive_library.h"

#include <memory>
#include <stdexcept>

namespace pm::backends::sc {

namespace {

const ir::ArchiveLibrary& libarchive() {
  return ir::archiveLibrary();
}

la_ssize_t appendToString(archive*, void* target, const void* buffer, size_t length) {
  static_cast<std::string*>(target)->append(static_cast<const char*>(buffer), length);
  return static_cast<la_ssize_t>(length);
}

void check(archive* writer, int status) {
  if (status != ARCHIVE_OK)
    throw std::runtime_error(std::string("writing a module archive: ") +
                             libarchive().archive_error_string(writer));
}

void addFile(archive* writer, const std::string& path, const std::string& content) {
  std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(
      libarchive().archive_entry_new(), libarchive().archive_entry_free);
  libarchive().archive_entry_set_pathname(entry.get(), path.c_str());
  libarchive().archive_entry_set_filetype(entry.get(), AE_IFREG);
  libarchive().archive_entry_set_perm(entry.get(), 0644);
  libarchive().archive_entry_set_size(entry.get(), static_cast<la_int64_t>(content.size()));
  libarchive().archive_entry_set_uid(entry.get(), 0);
  libarchive().archive_entry_set_gid(entry.get(), 0);
  libarchive().archive_entry_set_mtime(entry.get(), 0, 0);
  check(writer, libarchive().archive_write_header(writer, entry.get()));
  if (!content.empty() && libarchive().archive_write_data(writer, content.data(), content.size()) !=
                              static_cast<la_ssize_t>(content.size()))
    check(writer, ARCHIVE_FATAL);
}

} // namespace

std::string moduleArchive(const std::map<std::string, std::string>& files) {
  std::string bytes;
  std::unique_ptr<archive, decltype(&archive_write_free)> writer(libarchive().archive_write_new(),
                                                                 libarchive().archive_write_free);
  check(writer.get(), libarchive().archive_write_set_format_ustar(writer.get()));
  check(writer.get(), libarchive().archive_write_add_filter_gzip(writer.get()));
  check(writer.get(), libarchive().archive_write_set_options(writer.get(), "gzip:!timestamp"));
  check(writer.get(),
        libarchive().archive_write_open(writer.get(), &bytes, nullptr, appendToString, nullptr));
  for (const auto& [path, content] : files)
    addFile(writer.get(), path, content);
  check(writer.get(), libarchive().archive_write_close(writer.get()));
  return bytes;
}

} // namespace pm::backends::sc
