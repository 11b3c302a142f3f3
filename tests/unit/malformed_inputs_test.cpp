// Black-box tests of the CLI on malformed inputs: every folder under tests/malformed/ is one case
// whose case.txt gives the arguments (line 1) and a regex for the first stderr line (line 2).
#include "tests/unit/process_runner.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
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

// Line `number` (1-based) of a file, without its line break; empty when there is none.
std::string lineOf(const fs::path& file, int number) {
  std::istringstream text(pm::test::readFile(file));
  std::string line;
  for (int i = 0; i < number && std::getline(text, line); ++i) {
  }
  if (!line.empty() && line.back() == '\r')
    line.pop_back();
  return line;
}

// The line as diagnostics print it: control characters as \xNN, tabs kept.
std::string printed(const std::string& line) {
  std::string out;
  for (char c : line) {
    auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\t') || byte == 0x7f) {
      char escaped[5];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out;
}

// Rules about a whole file or the bundle layout (a missing or oversized file, an archive
// entry, no such part): their diagnostics name the file without a line.
const std::set<std::string> kFileLevelRules = {"PRS006", "PRS007", "PRS011", "PRS013"};

// An empty (or blank) file has no line to show.
bool blankFile(const fs::path& file) {
  return fs::is_regular_file(file) &&
         pm::test::readFile(file).find_first_not_of(" \t\r\n") == std::string::npos;
}

// The first diagnostic names a rule and a file, and a line and column with the source line
// under it unless its rule concerns a whole file or the file is empty. A bad command-line
// option names the option instead of a file.
void checkLocated(const MalformedCase& item, const pm::test::ProcessResult& result) {
  static const std::regex located(R"(^(\S+?):(\d+):(\d+): error: .*\[([A-Z]{3}\d{3})\]$)");
  static const std::regex fileOnly(R"(^(\S+): error: .*\[([A-Z]{3}\d{3})\]$)");
  std::smatch match;
  std::string first = result.firstErrorLine();
  if (std::regex_match(first, match, located) && std::stoi(match[2].str()) > 0) {
    std::string rest = result.err.substr(result.err.find('\n') + 1);
    std::string shown = rest.substr(0, rest.find('\n'));
    CHECK_MESSAGE(shown == printed(lineOf(item.folder / match[1].str(), std::stoi(match[2].str()))),
                  "the source line is not shown under \"" << first << "\"");
    return;
  }
  static const std::regex option(R"(^error: --[a-z-]+ .*\[[A-Z]{3}\d{3}\]$)");
  if (std::regex_match(first, option))
    return;
  REQUIRE_MESSAGE(std::regex_match(first, match, fileOnly),
                  "\"" << first << "\" names no file:line:col and rule id");
  std::string file = first.substr(0, first.find(": error: "));
  CHECK_MESSAGE((kFileLevelRules.count(match[2].str()) > 0 || blankFile(item.folder / file)),
                "\"" << first << "\" has no line, but its rule is not about a whole file");
}

} // namespace

TEST_CASE("malformed inputs are rejected with exit code 3 and a located diagnostic") {
  const std::vector<MalformedCase> cases = malformedCases();
  REQUIRE(cases.size() >= 150);

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
      checkLocated(item, result);
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
