// libarchive-based, in-memory bundle archive reading.
#include "frontend/bundle/archive_reader.h"

#include "ir/archive_library.h"

#include <map>
#include <memory>
#include <set>

namespace pm::frontend {

namespace {

const ir::ArchiveLibrary& libarchive() {
  return ir::archiveLibrary();
}

constexpr const char* kArchiveRefused = "PRS007";

struct ArchiveCloser {
  void operator()(archive* handle) const { libarchive().archive_read_free(handle); }
};
using ArchiveHandle = std::unique_ptr<archive, ArchiveCloser>;

// libarchive's message for the last error; some failures set none (a null string).
std::string lastError(archive* handle) {
  const char* message = libarchive().archive_error_string(handle);
  return message ? message : "unknown error";
}

// Normalizes "./a//b" to "a/b"; returns nothing for paths that are absolute or climb out.
std::optional<std::string> safeRelativePath(const std::string& raw) {
  if (raw.empty() || raw[0] == '/' || raw.find('\\') != std::string::npos)
    return std::nullopt;
  std::string out;
  std::size_t start = 0;
  while (start <= raw.size()) {
    std::size_t slash = raw.find('/', start);
    std::string part = raw.substr(start, slash == std::string::npos ? slash : slash - start);
    if (part == "..")
      return std::nullopt;
    if (!part.empty() && part != ".")
      out = out.empty() ? part : out + "/" + part;
    if (slash == std::string::npos)
      break;
    start = slash + 1;
  }
  return out;
}

std::string entryKind(mode_t type) {
  switch (type) {
  case AE_IFLNK:
    return "a symbolic link";
  case AE_IFCHR:
    return "a character device";
  case AE_IFBLK:
    return "a block device";
  case AE_IFIFO:
    return "a FIFO";
  case AE_IFSOCK:
    return "a socket";
  default:
    return "not a regular file";
  }
}

// When every entry sits below one folder that is not itself a bundle part, drop that folder.
std::map<std::string, std::string> stripWrappingFolder(std::map<std::string, std::string> files) {
  std::set<std::string> tops;
  for (const auto& [path, text] : files)
    tops.insert(path.substr(0, path.find('/')));
  if (tops.size() != 1 || files.count(*tops.begin()) > 0)
    return files;
  static const std::set<std::string> kPartFolders = {
      "schema", "infrastructure", "instance_infrastructure", "pipeline_infrastructure"};
  if (kPartFolders.count(*tops.begin()))
    return files;
  std::map<std::string, std::string> stripped;
  for (auto& [path, text] : files)
    stripped.emplace(path.substr(tops.begin()->size() + 1), std::move(text));
  return stripped;
}

class ArchiveLoader {
public:
  ArchiveLoader(const std::string& path, ir::Diagnostics& diagnostics, const ArchiveLimits& limits)
      : path_(path), diagnostics_(diagnostics), limits_(limits) {}

  std::optional<FileTree> load() {
    ArchiveHandle handle(libarchive().archive_read_new());
    // Bundles are .tar.gz or .tar. filter_all would also accept formats libarchive decodes
    // by running an external program (lrzip, lzop, grzip), which a bundle must never trigger.
    libarchive().archive_read_support_filter_gzip(handle.get());
    libarchive().archive_read_support_format_tar(handle.get());
    libarchive().archive_read_support_format_gnutar(handle.get());
    if (libarchive().archive_read_open_filename(handle.get(), path_.c_str(), 64 * 1024) !=
        ARCHIVE_OK)
      return fail(std::string("cannot open archive: ") + lastError(handle.get()));
    archive_entry* entry = nullptr;
    int status;
    while ((status = libarchive().archive_read_next_header(handle.get(), &entry)) == ARCHIVE_OK) {
      if (!readEntry(handle.get(), entry))
        return std::nullopt;
    }
    if (status != ARCHIVE_EOF)
      return fail(std::string("corrupt archive: ") + lastError(handle.get()));
    return FileTree::fromMemory(stripWrappingFolder(std::move(files_)), path_);
  }

private:
  std::optional<FileTree> fail(const std::string& message) {
    diagnostics_.error(kArchiveRefused, {path_, 0, 0}, message);
    return std::nullopt;
  }

  bool refuse(const std::string& name, const std::string& why) {
    diagnostics_.error(kArchiveRefused, {path_, 0, 0},
                       "archive entry '" + name + "' refused: " + why);
    return false;
  }

  bool readEntry(archive* handle, archive_entry* entry) {
    const char* rawName = libarchive().archive_entry_pathname(entry);
    std::string name = rawName ? rawName : "";
    if (++entries_ > limits_.maxEntries)
      return refuse(name,
                    "the archive has more than " + std::to_string(limits_.maxEntries) + " entries");
    auto relative = safeRelativePath(name);
    if (!relative)
      return refuse(name, "its path is absolute or leaves the bundle root");
    if (libarchive().archive_entry_hardlink(entry))
      return refuse(name, "it is a hard link");
    mode_t type = libarchive().archive_entry_filetype(entry);
    if (type == AE_IFDIR)
      return true;
    if (type != AE_IFREG)
      return refuse(name, "it is " + entryKind(type));
    return readContent(handle, name, *relative);
  }

  bool readContent(archive* handle, const std::string& name, const std::string& relative) {
    std::string content;
    char buffer[64 * 1024];
    la_ssize_t got;
    while ((got = libarchive().archive_read_data(handle, buffer, sizeof buffer)) > 0) {
      content.append(buffer, static_cast<std::size_t>(got));
      totalBytes_ += static_cast<std::size_t>(got);
      if (content.size() > limits_.maxEntryBytes || totalBytes_ > limits_.maxTotalBytes)
        return refuse(name, "it expands beyond the archive size limit (decompression bomb?)");
    }
    if (got < 0)
      return refuse(name, std::string("unreadable: ") + lastError(handle));
    if (!relative.empty())
      files_[relative] = std::move(content);
    return true;
  }

  const std::string& path_;
  ir::Diagnostics& diagnostics_;
  const ArchiveLimits& limits_;
  std::map<std::string, std::string> files_;
  std::size_t entries_ = 0;
  std::size_t totalBytes_ = 0;
};

} // namespace

bool looksLikeArchive(const std::string& path) {
  auto endsWith = [&](const std::string& suffix) {
    return path.size() >= suffix.size() &&
           path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return endsWith(".tar.gz") || endsWith(".tgz") || endsWith(".tar");
}

std::optional<FileTree> readArchive(const std::string& path, ir::Diagnostics& diagnostics,
                                    const ArchiveLimits& limits) {
  ArchiveLoader loader(path, diagnostics, limits);
  return loader.load();
}

} // namespace pm::frontend
