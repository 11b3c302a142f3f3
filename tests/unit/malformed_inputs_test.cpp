// Black-box tests of the CLI on malformed inputs: every folder under tests/malformed/ is one case
// whose case.txt gives the arguments (line 1) and a regex for the first stderr line (line 2).
#include "tests/unit/process_runner.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct MalformedCase {
  std::string name;
  fs::path folder;
  std::vector<std::string> arguments;
  std::string firstLinePattern;
};

std::vector<MalformedCase> malformedCases() {
  std::vector<MalformedCase> cases;
  fs::path root = fs::path(PM_SOURCE_DIR) / "tests" / "malformed";
  for (const auto& entry : fs::directory_iterator(root)) {
    if (!entry.is_directory() || !fs::exists(entry.path() / "case.txt"))
      continue;
    std::istringstream text(pm::test::readFile(entry.path() / "case.txt"));
    MalformedCase item{entry.path().filename().string(), entry.path(), {}, {}};
    std::string argumentLine;
    std::getline(text, argumentLine);
    std::getline(text, item.firstLinePattern);
    std::istringstream words(argumentLine);
    for (std::string word; words >> word;)
      item.arguments.push_back(word);
    cases.push_back(std::move(item));
  }
  std::sort(cases.begin(), cases.end(),
            [](const MalformedCase& a, const MalformedCase& b) { return a.name < b.name; });
  return cases;
}

// Every path under folder: a failed run must leave the case folder exactly as it found it.
std::set<std::string> filesUnder(const fs::path& folder) {
  std::set<std::string> files;
  for (const auto& entry :
       fs::recursive_directory_iterator(folder, fs::directory_options::skip_permission_denied))
    files.insert(fs::relative(entry.path(), folder).string());
  return files;
}

std::set<std::string> entriesOf(const fs::path& folder) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder))
    names.insert(entry.path().filename().string());
  return names;
}

// The folders named by -o/--output: nothing may be written there when the input is malformed.
std::vector<fs::path> outputFolders(const MalformedCase& item) {
  std::vector<fs::path> folders;
  for (std::size_t i = 0; i + 1 < item.arguments.size(); ++i)
    if (item.arguments[i] == "-o" || item.arguments[i] == "--output")
      folders.push_back(item.folder / item.arguments[i + 1]);
  return folders;
}

} // namespace

TEST_CASE("malformed inputs are rejected with exit code 3 and a located diagnostic") {
  const std::vector<MalformedCase> cases = malformedCases();
  REQUIRE(cases.size() >= 40);

  for (const MalformedCase& item : cases) {
    SUBCASE(item.name.c_str()) {
      REQUIRE_MESSAGE(!item.arguments.empty(), item.name << "/case.txt has no arguments line");
      REQUIRE_MESSAGE(!item.firstLinePattern.empty(), item.name << "/case.txt has no regex line");
      std::regex firstLine(item.firstLinePattern, std::regex::ECMAScript);

      // A stale output folder from an interrupted earlier run would hide a write by this one.
      for (const fs::path& folder : outputFolders(item))
        fs::remove_all(folder);
      std::set<std::string> before = filesUnder(item.folder);
      std::set<std::string> siblingsBefore = entriesOf(item.folder.parent_path());

      std::vector<std::string> argv{PM_BINARY};
      argv.insert(argv.end(), item.arguments.begin(), item.arguments.end());
      pm::test::ProcessResult result = pm::test::runProcess(argv, item.folder);

      INFO("case: tests/malformed/" << item.name);
      INFO("stderr:\n" << result.err);
      CHECK_FALSE(result.timedOut);
      CHECK(result.exitCode == 3);
      CHECK_MESSAGE(std::regex_search(result.firstErrorLine(), firstLine),
                    "first stderr line \"" << result.firstErrorLine() << "\" does not match /"
                                           << item.firstLinePattern << "/");
      CHECK_MESSAGE(result.out.empty(), "stdout was not empty:\n" << result.out);
      for (const fs::path& folder : outputFolders(item))
        CHECK_MESSAGE((!fs::exists(folder) || fs::is_empty(folder)),
                      "output folder " << folder.string() << " was written to");
      CHECK(filesUnder(item.folder) == before);
      // Archive entries named ../x or /tmp/x must not have been extracted anywhere either.
      CHECK(entriesOf(item.folder.parent_path()) == siblingsBefore);
      CHECK_FALSE(fs::exists("/tmp/proton-migrate-escape.yaml"));

      for (const fs::path& folder : outputFolders(item))
        fs::remove_all(folder); // keep the source tree clean for the next run
    }
  }
}
