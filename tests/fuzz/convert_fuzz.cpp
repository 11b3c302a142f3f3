// End to end: a fuzzed bundle converted the way `convert` does, into an in-memory output tree.
// The input is a first line "<target> <mode>" (e.g. "cdk rendered"; terraform parametric when
// it is anything else) and then the bundle's files, each after a line "==> <relative path> <==".
// The path "@spec" is the --spec file. Files with unsafe paths are skipped, so nothing is
// written outside the scratch folder.
#include "tests/fuzz/fuzz_entry_points.h"
#include "tests/fuzz/fuzz_input.h"

#include "backends/backend.h"
#include "tools/proton-migrate/commands.h"
#include "tools/proton-migrate/conversion_run.h"

#include <regex>

namespace pm::fuzz {

namespace {

namespace fs = std::filesystem;
namespace po = driver::po;

constexpr std::size_t kMaxFiles = 24;

struct FuzzedBundle {
  std::string target = "terraform";
  std::string mode = "parametric";
  std::vector<std::pair<std::string, std::string>> files; // relative path, content
};

bool isSafeRelativePath(const std::string& path) {
  static const std::regex kSafe(
      "(@spec|[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*){0,3})");
  return path.size() < 120 && std::regex_match(path, kSafe);
}

void readTargetLine(const std::string& line, FuzzedBundle& bundle) {
  std::string target = line.substr(0, line.find(' '));
  if (target == "cdk" || target == "servicecatalog")
    bundle.target = target;
  if (line.ends_with(" rendered"))
    bundle.mode = "rendered";
}

FuzzedBundle splitInput(const std::string& text) {
  FuzzedBundle bundle;
  std::size_t lineEnd = text.find('\n');
  readTargetLine(text.substr(0, lineEnd), bundle);
  static const std::string kOpen = "==> ", kClose = " <==";
  std::size_t at = text.find(kOpen, lineEnd == std::string::npos ? text.size() : lineEnd);
  while (at != std::string::npos && bundle.files.size() < kMaxFiles) {
    std::size_t headerEnd = text.find('\n', at);
    if (headerEnd == std::string::npos)
      break;
    std::string header = text.substr(at + kOpen.size(), headerEnd - at - kOpen.size());
    std::size_t next = text.find("\n" + kOpen, headerEnd);
    std::size_t contentEnd = next == std::string::npos ? text.size() : next + 1;
    if (header.ends_with(kClose)) {
      std::string path = header.substr(0, header.size() - kClose.size());
      if (isSafeRelativePath(path))
        bundle.files.emplace_back(path, text.substr(headerEnd + 1, contentEnd - headerEnd - 1));
    }
    at = next == std::string::npos ? next : next + 1;
  }
  return bundle;
}

// The command line `convert` would get for the bundle written under `root`.
po::variables_map convertOptions(const FuzzedBundle& bundle, const fs::path& root) {
  std::vector<std::string> arguments = {
      (root / "bundle").string(), "--to", bundle.target, "--mode", bundle.mode, "-o",
      (root / "out").string()};
  for (const auto& [path, content] : bundle.files)
    if (path == "@spec")
      arguments.insert(arguments.end(), {"--spec", (root / "spec.yaml").string()});
  driver::Command command = driver::convertCommand();
  po::options_description options;
  po::positional_options_description positional;
  command.declare(options, positional);
  po::variables_map values;
  po::store(po::command_line_parser(arguments).options(options).positional(positional).run(),
            values);
  po::notify(values);
  return values;
}

fs::path writeBundle(const FuzzedBundle& bundle) {
  fs::path root = scratchDirectory() / "convert";
  fs::remove_all(root);
  fs::create_directories(root / "bundle");
  for (const auto& [path, content] : bundle.files)
    writeScratchFile(path == "@spec" ? "convert/spec.yaml" : "convert/bundle/" + path, content);
  return root;
}

} // namespace

int convertFuzz(const std::uint8_t* data, std::size_t size) {
  FuzzedBundle bundle = splitInput(textOf(data, size));
  fs::path root;
  try {
    root = writeBundle(bundle);
  } catch (const fs::filesystem_error&) {
    return 0; // a file and a folder of the same name: not a bundle a disk can hold
  }
  po::variables_map values = convertOptions(bundle, root);
  auto backend = backends::makeBackend(bundle.target);
  driver::LintGate lint{bundle.target, {true, ir::Severity::Error}, {}, false};
  backends::OutputTree output;
  ir::Diagnostics diagnostics;
  driver::convertInto(values, *backend,
                      bundle.mode == "rendered" ? backends::ConversionMode::Rendered
                                                : backends::ConversionMode::Parametric,
                      lint, output, diagnostics);
  checkDiagnostics(diagnostics);
  return 0;
}

} // namespace pm::fuzz
