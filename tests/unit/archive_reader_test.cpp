// Bundle archives are read in memory; entries that could escape the bundle are refused.
#include "frontend/bundle/archive_reader.h"
#include "temp_tree.h"

#include <archive.h>
#include <archive_entry.h>
#include <doctest/doctest.h>

#include <vector>

using namespace pm;

namespace {

struct Entry {
  Entry(std::string path, std::string content, mode_t type = AE_IFREG, std::string link = "")
      : path(std::move(path)), content(std::move(content)), type(type), link(std::move(link)) {}
  std::string path;
  std::string content;
  mode_t type;
  std::string link;
};

// Writes a .tar.gz with entries exactly as given (GNU tar would sanitize the hostile ones).
std::string writeArchive(const test::TempTree& tree, const std::vector<Entry>& entries) {
  std::string path = tree.path("bundle.tar.gz");
  archive* out = archive_write_new();
  archive_write_add_filter_gzip(out);
  archive_write_set_format_pax_restricted(out);
  archive_write_open_filename(out, path.c_str());
  for (const auto& item : entries) {
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, item.path.c_str());
    archive_entry_set_filetype(entry, item.type);
    archive_entry_set_perm(entry, 0644);
    if (!item.link.empty())
      archive_entry_set_symlink(entry, item.link.c_str());
    archive_entry_set_size(entry, static_cast<la_int64_t>(item.content.size()));
    archive_write_header(out, entry);
    if (!item.content.empty())
      archive_write_data(out, item.content.data(), item.content.size());
    archive_entry_free(entry);
  }
  archive_write_close(out);
  archive_write_free(out);
  return path;
}

} // namespace

TEST_CASE("a bundle archive with a wrapping folder is read into memory without it") {
  test::TempTree tree;
  auto path = writeArchive(tree, {{"my-env/schema/schema.yaml", "schema: {}\n"},
                                  {"my-env/infrastructure/manifest.yaml", "infrastructure: {}\n"}});
  ir::Diagnostics diagnostics;
  auto files = frontend::readArchive(path, diagnostics);
  REQUIRE(files);
  CHECK(files->isFile("schema/schema.yaml"));
  CHECK(files->read("infrastructure/manifest.yaml") == std::string("infrastructure: {}\n"));
  CHECK(files->isDirectory("infrastructure"));
  CHECK(files->list("") == std::vector<std::string>{"infrastructure", "schema"});
}

TEST_CASE("archive entries that leave the bundle root are refused") {
  for (const auto& hostile : std::vector<Entry>{{"/etc/passwd", "x"},
                                                {"schema/../../escape", "x"},
                                                {"link", "", AE_IFLNK, "/etc/passwd"},
                                                {"fifo", "", AE_IFIFO}}) {
    CAPTURE(hostile.path);
    test::TempTree tree;
    auto path = writeArchive(tree, {{"schema/schema.yaml", "schema: {}\n"}, hostile});
    ir::Diagnostics diagnostics;
    CHECK_FALSE(frontend::readArchive(path, diagnostics));
    REQUIRE(diagnostics.all().size() == 1);
    CHECK(diagnostics.all()[0].ruleId == "PRS007");
    CHECK(diagnostics.all()[0].message.find("refused") != std::string::npos);
  }
}

TEST_CASE("an archive expanding past the size limit is refused as a decompression bomb") {
  test::TempTree tree;
  auto path = writeArchive(tree, {{"schema/schema.yaml", std::string(1 << 20, 'a')}});
  ir::Diagnostics diagnostics;
  frontend::ArchiveLimits limits;
  limits.maxTotalBytes = 1 << 16;
  CHECK_FALSE(frontend::readArchive(path, diagnostics, limits));
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].message.find("decompression bomb") != std::string::npos);
}
