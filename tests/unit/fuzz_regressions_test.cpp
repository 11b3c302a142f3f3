// Replays the inputs the fuzzers once crashed on (tests/fuzz/regressions/<target>/<name>)
// through the same entry points as the libFuzzer harnesses, built with the normal compiler: each
// must now run to its end (diagnostics, no crash, no broken invariant).
#include "tests/fuzz/fuzz_entry_points.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> sortedFiles(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.is_regular_file())
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::string readBytes(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
}

int replay(const pm::fuzz::FuzzTarget& target, const std::string& bytes) {
  return target.entry(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

} // namespace

TEST_CASE("Every fuzz regression input runs through its harness without a crash") {
  fs::path root = fs::path(PM_SOURCE_DIR) / "tests" / "fuzz" / "regressions";
  REQUIRE(fs::is_directory(root));
  int replayed = 0;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (!entry.is_directory())
      continue;
    const pm::fuzz::FuzzTarget* target = pm::fuzz::findFuzzTarget(entry.path().filename().string());
    INFO("regression folder " << entry.path().filename().string());
    REQUIRE(target != nullptr); // a folder is named after its harness
    for (const fs::path& input : sortedFiles(entry.path())) {
      INFO("input " << input.filename().string());
      CHECK(replay(*target, readBytes(input)) == 0);
      ++replayed;
    }
  }
  CHECK(replayed > 0);
}

TEST_CASE("Every fuzz harness accepts empty and tiny inputs") {
  for (const pm::fuzz::FuzzTarget& target : pm::fuzz::fuzzTargets()) {
    INFO("target " << target.name);
    CHECK(replay(target, "") == 0);
    CHECK(replay(target, "\n") == 0);
    CHECK(replay(target, "{") == 0);
  }
}
