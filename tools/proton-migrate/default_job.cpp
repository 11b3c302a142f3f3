// The default job over fixtures/.
#include "tools/proton-migrate/default_job.h"

#include "tools/proton-migrate/exit_codes.h"
#include "tools/proton-migrate/output_directory.h"
#include "tools/proton-migrate/render_jobs.h"

#include <filesystem>
#include <ostream>

namespace pm::driver {

namespace fs = std::filesystem;

namespace {

constexpr const char* kFixtures = "fixtures";
constexpr const char* kOutput = "out";

// A fixture keeps its example values in spec/, as the template-checker convention does.
TemplateInputFiles fixtureInputs(const std::string& bundlePath) {
  TemplateInputFiles files;
  auto existing = [&](const char* name) -> std::optional<std::string> {
    fs::path candidate = fs::path(bundlePath) / "spec" / name;
    if (fs::is_regular_file(candidate))
      return candidate.string();
    return std::nullopt;
  };
  files.spec = existing("spec.yaml");
  files.environmentOutputs = existing("env-outputs.yaml");
  if (!files.environmentOutputs)
    files.environmentOutputs = existing("env-outputs.json");
  files.componentOutputs = existing("component-outputs.json");
  return files;
}

std::string outputPrefix(const std::string& bundlePath) {
  std::string relative = fs::path(bundlePath).lexically_relative(kFixtures).generic_string();
  for (const char* suffix : {".tar.gz", ".tgz", ".tar"})
    if (relative.ends_with(suffix))
      relative.resize(relative.size() - std::string(suffix).size());
  return "render/" + relative + "/";
}

// Renders one fixture bundle; returns its status word for the summary.
std::string processBundle(const std::string& path, backends::OutputTree& output,
                          ir::Diagnostics& diagnostics) {
  std::size_t errorsBefore = diagnostics.errorCount();
  auto bundle = frontend::readBundle(path, diagnostics);
  if (!bundle)
    return "FAILED";
  auto inputs = loadTemplateInputs(fixtureInputs(path), *bundle, diagnostics);
  if (!inputs)
    return "FAILED";
  std::size_t written =
      renderAllParts(*bundle, *inputs, std::nullopt, "", outputPrefix(path), output, diagnostics);
  if (diagnostics.errorCount() > errorsBefore)
    return "FAILED";
  return written ? "rendered " + std::to_string(written) + " part(s)"
                 : std::string("read (") + frontend::bundleKindName(bundle->kind) +
                       ", nothing to render)";
}

} // namespace

int runDefaultJob(CommandIo& io) {
  if (!fs::is_directory(kFixtures)) {
    io.err << "proton-migrate: no command given and no fixtures/ folder here; try --help\n";
    return kExitUsage;
  }
  ir::Diagnostics diagnostics;
  backends::OutputTree output;
  std::size_t failed = 0, total = 0;
  for (const auto& path : frontend::discoverBundles(kFixtures)) {
    std::string status = processBundle(path, output, diagnostics);
    failed += status == "FAILED";
    ++total;
    io.out << "  " << path << ": " << status << "\n";
  }
  diagnostics.print(io.err);
  if (failed) {
    io.out << failed << " of " << total << " bundles failed; nothing written\n";
    return kExitInputError;
  }
  commitOutputTree(output, kOutput);
  io.out << total << " bundles processed, " << output.files().size() << " files written to "
         << kOutput << "/\n";
  return kExitSuccess;
}

} // namespace pm::driver
