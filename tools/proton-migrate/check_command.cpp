// `proton-migrate check`: is the committed generated code up to date? The bundles are converted
// again in memory, exactly as `convert` with the same options would, and compared file by file
// with the folder; any difference is printed as a unified diff and exits 1.
#include "tools/proton-migrate/commands.h"

#include "tools/proton-migrate/conversion_run.h"
#include "tools/proton-migrate/exit_codes.h"
#include "tools/proton-migrate/output_marker.h"
#include "tools/proton-migrate/unified_diff.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <set>
#include <sstream>

namespace pm::driver {

namespace {

namespace fs = std::filesystem;

std::map<std::string, std::string> filesUnder(const fs::path& root) {
  std::map<std::string, std::string> files;
  std::error_code error;
  if (!fs::is_directory(root, error))
    return files;
  for (const auto& entry : fs::recursive_directory_iterator(root, error)) {
    if (!entry.is_regular_file(error))
      continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    files[fs::relative(entry.path(), root).generic_string()] = text.str();
  }
  return files;
}

// The diff of every file that differs, is missing or is left over, in path order.
std::string staleness(const std::map<std::string, std::string>& committed,
                      const std::map<std::string, std::string>& regenerated,
                      const std::string& directory) {
  std::set<std::string> paths;
  for (const auto& [path, text] : committed)
    paths.insert(path);
  for (const auto& [path, text] : regenerated)
    paths.insert(path);
  std::string diff;
  for (const std::string& path : paths) {
    auto before = committed.find(path);
    auto after = regenerated.find(path);
    diff += unifiedDiff(before == committed.end() ? "" : before->second,
                        after == regenerated.end() ? "" : after->second,
                        before == committed.end() ? "/dev/null" : directory + "/" + path,
                        after == regenerated.end() ? "/dev/null" : "regenerated/" + path);
  }
  return diff;
}

std::optional<backends::ConversionMode> modeOf(const po::variables_map& values) {
  std::string mode = values.count("mode") ? values["mode"].as<std::string>() : "parametric";
  if (mode == "parametric")
    return backends::ConversionMode::Parametric;
  if (mode == "rendered")
    return backends::ConversionMode::Rendered;
  return std::nullopt;
}

int check(const po::variables_map& values, CommandIo& io) {
  if (!values.count("path") || !values.count("to") || !values.count("output")) {
    io.err << "proton-migrate check: PATH, --to and -o are required\n";
    return kExitUsage;
  }
  auto backend = backends::makeBackend(values["to"].as<std::string>());
  auto mode = modeOf(values);
  if (!backend || !mode) {
    io.err << "proton-migrate check: --to takes terraform, cdk or servicecatalog and --mode "
              "parametric or rendered\n";
    return kExitUsage;
  }
  ir::Diagnostics diagnostics;
  backends::OutputTree output;
  convertInto(values, *backend, *mode, output, diagnostics);
  if (diagnostics.hasErrors()) {
    diagnostics.print(io.err);
    return kExitInputError;
  }
  output.write(std::string(kMarkerFile), markerText(values));
  std::string directory = values["output"].as<std::string>();
  std::string diff = staleness(filesUnder(directory), output.files(), directory);
  if (diff.empty()) {
    io.err << directory << " is up to date\n";
    return kExitSuccess;
  }
  io.out << diff;
  io.err << directory << " is stale: convert again with the same options\n";
  return kExitFindings;
}

} // namespace

Command checkCommand() {
  return {"check", "check PATH... --to T -o DIR [the options of convert]",
          "Is the committed generated code up to date? Prints a unified diff and exits 1 if not. "
          "Takes the options the code was converted with.",
          [](po::options_description& options, po::positional_options_description& positional) {
            convertCommand().declare(options, positional);
          },
          check};
}

} // namespace pm::driver
