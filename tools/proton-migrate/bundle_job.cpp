// Converting one bundle of a batch run.
#include "tools/proton-migrate/bundle_job.h"

#include "frontend/bundle/bundle.h"
#include "tools/proton-migrate/codebuild_carryover.h"
#include "tools/proton-migrate/commands.h"
#include "tools/proton-migrate/conversion_run.h"
#include "tools/proton-migrate/mapping_census.h"
#include "tools/proton-migrate/output_directory.h"
#include "tools/proton-migrate/output_marker.h"

#include <chrono>
#include <filesystem>

namespace pm::driver {

namespace {

using backends::report::BundleOutcome;

// The options `convert PATH --to T --mode M` would have, so the marker and the conversion are
// exactly those of convert.
po::variables_map convertOptions(const BatchItem& item, const BatchSettings& settings,
                                 const std::string& directory) {
  po::options_description options;
  po::positional_options_description positional;
  convertCommand().declare(options, positional);
  std::vector<std::string> arguments{item.bundlePath, "--to",     item.target, "--mode",
                                     settings.mode,   "--output", directory};
  if (settings.force)
    arguments.push_back("--force");
  if (settings.incremental)
    arguments.push_back("--incremental");
  po::variables_map values;
  po::store(po::command_line_parser(arguments).options(options).positional(positional).run(),
            values);
  po::notify(values);
  return values;
}

void summariseDiagnostics(const ir::Diagnostics& diagnostics, BundleOutcome& outcome) {
  for (const ir::Diagnostic& diagnostic : diagnostics.all()) {
    ++outcome.findingsByRule[diagnostic.ruleId];
    ++outcome.findingsBySeverity[ir::severityName(diagnostic.severity)];
    std::string where = diagnostic.location.file.empty() ? "" : diagnostic.location.str() + ": ";
    outcome.messages.push_back(where + ir::severityName(diagnostic.severity) + ": " +
                               diagnostic.message + " [" + diagnostic.ruleId + "]");
  }
}

// A CodeBuild bundle's files, carried over (codebuild_carryover.h); nothing for other bundles.
std::optional<backends::OutputTree>
carriedOver(const po::variables_map& values, BundleOutcome& outcome, ir::Diagnostics& diagnostics) {
  ir::Diagnostics reading; // convertInto reads the bundle again and reports its problems
  auto loaded = loadBundle(values["path"].as<std::vector<std::string>>().front(), values, reading);
  if (!loaded)
    return std::nullopt;
  outcome.name = loaded->bundle.name;
  if (!isCodeBuildBundle(loaded->bundle))
    return std::nullopt;
  backends::OutputTree output;
  carryOverCodeBuild(*loaded, output, diagnostics);
  return output;
}

void convertItem(const BatchItem& item, const BatchSettings& settings, BundleOutcome& outcome) {
  std::string directory = (std::filesystem::path(settings.outputRoot) / item.outputFolder).string();
  po::variables_map values = convertOptions(item, settings, directory);
  std::string marker = markerText(values);
  OutputDecision decision = decideOutput(directory, marker, values);
  if (decision != OutputDecision::Write) {
    outcome.status = decision == OutputDecision::UpToDate ? "unchanged" : "refused";
    if (decision == OutputDecision::Refuse)
      outcome.messages.push_back(refusalMessage(directory));
    return;
  }
  ir::Diagnostics diagnostics;
  if (auto output = carriedOver(values, outcome, diagnostics)) {
    summariseDiagnostics(diagnostics, outcome);
    if (diagnostics.hasErrors()) {
      outcome.status = "failed";
      return;
    }
    output->write(std::string(kMarkerFile), marker);
    commitOutputTree(*output, directory);
    outcome.status = "carried-over";
    return;
  }
  auto backend = backends::makeBackend(item.target);
  backends::OutputTree output;
  bool terraformWritten = false;
  convertInto(values, *backend,
              settings.mode == "rendered" ? backends::ConversionMode::Rendered
                                          : backends::ConversionMode::Parametric,
              output, diagnostics,
              [&](const backends::ConversionModel& model, bool writtenInTerraform) {
                terraformWritten = terraformWritten || writtenInTerraform;
                if (!writtenInTerraform)
                  countResourcesByKind(model, item.target, outcome.resourcesByKind);
              });
  summariseDiagnostics(diagnostics, outcome);
  if (diagnostics.hasErrors()) {
    outcome.status = "failed";
    return;
  }
  if (terraformWritten)
    countPassThroughResources(output, outcome.resourcesByKind);
  output.write(std::string(kMarkerFile), marker);
  commitOutputTree(output, directory);
  outcome.status = "converted";
}

} // namespace

BundleOutcome runBundleJob(const BatchItem& item, const BatchSettings& settings) {
  auto start = std::chrono::steady_clock::now();
  BundleOutcome outcome;
  outcome.path = item.relativePath;
  outcome.target = item.target;
  outcome.outputFolder = item.outputFolder;
  try {
    convertItem(item, settings, outcome);
  } catch (const std::exception& error) {
    outcome.status = "failed";
    outcome.messages.push_back(std::string("error: ") + error.what());
  }
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return outcome;
}

} // namespace pm::driver
