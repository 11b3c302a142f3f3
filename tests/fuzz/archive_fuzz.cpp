// Archive reader: the bytes as a bundle .tar.gz (libarchive guesses any format it supports), read
// into memory with small limits; every file of the tree it gives must list and read back.
#include "tests/fuzz/fuzz_entry_points.h"
#include "tests/fuzz/fuzz_input.h"

#include "frontend/bundle/archive_reader.h"

#include <cstdlib>

namespace pm::fuzz {

namespace {

void walk(const frontend::FileTree& tree, const std::string& folder, int depth) {
  if (depth > 64)
    std::abort(); // a listing that never ends
  for (const std::string& name : tree.list(folder)) {
    std::string path = frontend::joinPath(folder, name);
    if (tree.isDirectory(path))
      walk(tree, path, depth + 1);
    else if (!tree.isFile(path) || !tree.read(path))
      std::abort(); // listed but neither a folder nor a readable file
  }
}

} // namespace

int archiveFuzz(const std::uint8_t* data, std::size_t size) {
  std::string path = writeScratchFile("bundle.tar.gz", textOf(data, size)).string();
  frontend::ArchiveLimits limits;
  limits.maxEntries = 200;
  limits.maxTotalBytes = 8u << 20;
  limits.maxEntryBytes = 2u << 20;
  ir::Diagnostics diagnostics;
  auto tree = frontend::readArchive(path, diagnostics, limits);
  if (tree)
    walk(*tree, "", 0);
  checkDiagnostics(diagnostics);
  return 0;
}

} // namespace pm::fuzz
