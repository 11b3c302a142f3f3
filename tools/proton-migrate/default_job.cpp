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

// The first of `candidates` (relative to the bundle) that exists.
std::optional<std::string> firstExisting(const std::string& bundlePath,
                                         std::initializer_list<const char*> candidates) {
  for (const char* candidate : candidates) {
    fs::path path = fs::path(bundlePath) / candidate;
    if (fs::is_regular_file(path))
      return path.lexically_normal().string();
  }
  return std::nullopt;
}

// Example values live in the bundle's spec/ folder (the template-checker convention), or in the
// sample's sibling specs/ folder (the 2021 sample layout).
TemplateInputFiles fixtureInputs(const std::string& bundlePath, const frontend::Bundle& bundle) {
  bool service = bundle.schema && bundle.schema->kind == frontend::TemplateKind::Service;
  TemplateInputFiles files;
  files.spec = service ? firstExisting(bundlePath, {"spec/spec.yaml", "../specs/svc-spec.yaml"})
                       : firstExisting(bundlePath, {"spec/spec.yaml", "../specs/env-spec.yaml"});
  files.environmentOutputs = firstExisting(
      bundlePath, {"spec/env-outputs.yaml", "spec/env-outputs.json", "../specs/env-outputs.yaml"});
  files.componentOutputs = firstExisting(bundlePath, {"spec/component-outputs.json"});
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
  auto inputs = loadTemplateInputs(fixtureInputs(path, *bundle), *bundle, diagnostics);
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
