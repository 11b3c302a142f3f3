// Output safety: the size limit across an OutputTree, atomic replacement of folders and report
// files, and the removal of staging folders a killed run left behind.
#include "backends/output_tree.h"
#include "tests/unit/temp_tree.h"
#include "tools/proton-migrate/output_directory.h"
#include "tools/proton-migrate/staging_registry.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <unistd.h>

namespace fs = std::filesystem;

namespace {

std::string readText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> entries(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

} // namespace

TEST_CASE("output safety: an OutputTree refuses to grow past its size limit") {
  pm::backends::OutputTree tree;
  tree.maxBytes = 10;
  tree.write("a.txt", "12345");
  tree.write("a.txt", "1234567"); // a rewrite counts once
  CHECK(tree.totalBytes() == 7);
  CHECK_THROWS_AS(tree.write("b.txt", "1234"), std::length_error);
  CHECK(tree.files().count("b.txt") == 0);
  CHECK(pm::backends::kMaxOutputTreeBytes == 256u << 20);
}

TEST_CASE("output safety: committing replaces the previous folder and leaves no staging folder") {
  pm::test::TempTree tree;
  tree.write("out/old.txt", "previous");
  pm::backends::OutputTree output;
  output.write("main.tf", "new");
  pm::driver::commitOutputTree(output, tree.path("out"));
  CHECK(entries(tree.path("out")) == std::vector<std::string>{"main.tf"});
  CHECK(entries(tree.path()) == std::vector<std::string>{"out"});
}

TEST_CASE("output safety: a report file is written whole through a staging file") {
  pm::test::TempTree tree;
  tree.write("report.json", "old");
  pm::driver::commitOutputFile("{}\n", tree.path("report.json"));
  CHECK(readText(tree.path("report.json")) == "{}\n");
  CHECK(entries(tree.path()) == std::vector<std::string>{"report.json"});
}

TEST_CASE("output safety: staging folders of dead processes are removed, others kept") {
  pm::test::TempTree tree;
  // pid 999999999 does not exist (pids stay below 2^22 on Linux); ours is alive.
  tree.write(".out.new-999999999-1/main.tf", "partial");
  tree.write(".out.old-999999999-2/main.tf", "previous");
  std::string alive = ".out.new-" + std::to_string(::getpid() == 1 ? 2 : 1) + "-1";
  tree.write(alive + "/main.tf", "pid 1 or 2 is always running");
  tree.write(".out.backup/main.tf", "not a staging name");
  tree.write(".other.new-999999999-1/main.tf", "another target's");
  pm::backends::OutputTree output;
  output.write("main.tf", "new");
  pm::driver::commitOutputTree(output, tree.path("out"));
  CHECK(entries(tree.path()) ==
        std::vector<std::string>{".other.new-999999999-1", ".out.backup", alive, "out"});
}

TEST_CASE("output safety: staging names are dot-prefixed siblings carrying the pid") {
  fs::path staging = pm::driver::stagingSibling("/work/out/cdk", "new");
  CHECK(staging.parent_path() == fs::path("/work/out"));
  CHECK(staging.filename().string().starts_with(".cdk.new-" + std::to_string(::getpid()) + "-"));
  CHECK(pm::driver::stagingSibling("/work/out/cdk", "new") != staging);
}

TEST_CASE("output safety: a folder never replaces a file, nor a report file a folder") {
  pm::test::TempTree tree;
  tree.write("notes.txt", "mine");
  tree.write("reports/keep.txt", "mine");
  pm::backends::OutputTree output;
  output.write("main.tf", "new");
  CHECK_THROWS_AS(pm::driver::commitOutputTree(output, tree.path("notes.txt")), std::runtime_error);
  CHECK_THROWS_AS(pm::driver::commitOutputFile("{}", tree.path("reports")), std::runtime_error);
  CHECK(readText(tree.path("notes.txt")) == "mine");
  CHECK(readText(tree.path("reports/keep.txt")) == "mine");
  CHECK(entries(tree.path()) == std::vector<std::string>{"notes.txt", "reports"});
}
