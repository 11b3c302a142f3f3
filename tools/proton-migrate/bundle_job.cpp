// Converting one bundle of a batch run.
#include "tools/proton-migrate/bundle_job.h"

#include "frontend/bundle/bundle.h"
#include "tools/proton-migrate/codebuild_carryover.h"
#include "tools/proton-migrate/commands.h"
#include "tools/proton-migrate/conversion_run.h"
#include "tools/proton-migrate/mapping_census.h"
#include "tools/proton-migrate/output_comparison.h"
#include "tools/proton-migrate/output_directory.h"
#include "tools/proton-migrate/output_marker.h"

#include <algorithm>
#include <chrono>
#include <filesystem>

namespace pm::driver {

namespace {

using backends::report::BundleOutcome;

// The options `convert PATH --to T -o DIR [--mode rendered]` would have, so the marker and the
// conversion are exactly those of convert (and `check` with those options agrees).
po::variables_map convertOptions(const BatchItem& item, const BatchSettings& settings,
                                 const std::string& directory) {
  po::options_description options;
  po::positional_options_description positional;
  convertCommand().declare(options, positional);
  std::vector<std::string> arguments{item.bundlePath, "--to", item.target, "--output", directory};
  if (settings.mode != "parametric")
    arguments.insert(arguments.end(), {"--mode", settings.mode});
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

void summariseDiagnostics(const std::vector<ir::Diagnostic>& diagnostics, bool keepMessages,
                          BundleOutcome& outcome) {
  for (const ir::Diagnostic& diagnostic : diagnostics) {
    ++outcome.findingsByRule[diagnostic.ruleId];
    ++outcome.findingsBySeverity[ir::severityName(diagnostic.severity)];
    if (!keepMessages)
      continue;
    std::string where = diagnostic.location.file.empty() ? "" : diagnostic.location.str() + ": ";
    outcome.messages.push_back(where + ir::severityName(diagnostic.severity) + ": " +
                               diagnostic.message + " [" + diagnostic.ruleId + "]");
  }
}

// A Terraform-written bundle asked for a target that cannot carry it (cdk: emitModel reports
// PRS013, and nothing else is wrong) is no failure of the bundle. Told by what the conversion
// saw, not by a message's words.
bool onlyOtherTarget(const ir::Diagnostics& diagnostics, bool writtenInTerraform,
                     const std::string& target) {
  const auto& all = diagnostics.all();
  return writtenInTerraform && target != "terraform" &&
         std::all_of(all.begin(), all.end(), [](const ir::Diagnostic& diagnostic) {
           return diagnostic.severity != ir::Severity::Error || diagnostic.ruleId == "PRS013";
         });
}

std::string bundleName(const std::string& path, ModelCache& cache) {
  ir::Diagnostics ignored; // each conversion reports the bundle's problems
  auto bundle = cache.readBundle(path, ignored);
  return bundle ? bundle->name : "";
}

// A CodeBuild bundle is carried over by the conversion, which says so (CBD001).
bool carriedOver(const ir::Diagnostics& diagnostics) {
  const auto& all = diagnostics.all();
  return std::any_of(all.begin(), all.end(), [](const ir::Diagnostic& diagnostic) {
    return diagnostic.ruleId == kCarryOverRule;
  });
}

// The generated files, with their marker, written to the folder, or with --check compared with it.
void finish(backends::OutputTree& output, const std::string& marker, const std::string& directory,
            const BatchSettings& settings, const std::string& status, BundleJobResult& result) {
  output.write(std::string(kMarkerFile), marker);
  if (settings.check) {
    result.staleDiff = staleFilesDiff(output, directory);
    result.outcome.status = result.staleDiff.empty() ? "up-to-date" : "stale";
    return;
  }
  commitOutputTree(output, directory);
  result.outcome.status = status;
}

void convertItem(const BatchItem& item, const BatchSettings& settings, ModelCache& models,
                 BundleJobResult& result) {
  BundleOutcome& outcome = result.outcome;
  std::string directory = (std::filesystem::path(settings.outputRoot) / item.outputFolder).string();
  po::variables_map values = convertOptions(item, settings, directory);
  std::string marker = markerText(values, &models.inputHashes);
  OutputDecision decision =
      settings.check ? OutputDecision::Write : decideOutput(directory, marker, values);
  if (decision != OutputDecision::Write) {
    outcome.status = decision == OutputDecision::UpToDate ? "unchanged" : "refused";
    if (decision == OutputDecision::Refuse)
      outcome.messages.push_back(refusalMessage(directory));
    return;
  }
  auto backend = backends::makeBackend(item.target);
  ir::Diagnostics diagnostics;
  backends::OutputTree output;
  bool terraformWritten = false;
  // Findings are counted, and --fail-on judges the run by them; they stop no bundle, so every
  // valid bundle is converted (as convert does by default).
  LintGate lint{item.target, FailOn{true, ir::Severity::Error}, {}, false};
  convertInto(
      values, *backend,
      settings.mode == "rendered" ? backends::ConversionMode::Rendered
                                  : backends::ConversionMode::Parametric,
      lint, output, diagnostics,
      [&](const backends::ConversionModel& model, bool writtenInTerraform) {
        terraformWritten = terraformWritten || writtenInTerraform;
        if (!writtenInTerraform)
          countResourcesByKind(model, item.target, outcome.resourcesByKind);
      },
      &models);
  summariseDiagnostics(diagnostics.all(), settings.keepMessages, outcome);
  // The lint findings come apart from the diagnostics: one of severity error stops no bundle.
  summariseDiagnostics(lint.findings, settings.keepMessages, outcome);
  if (diagnostics.hasErrors()) {
    outcome.status =
        onlyOtherTarget(diagnostics, terraformWritten, item.target) ? "not-for-target" : "failed";
    return;
  }
  if (terraformWritten)
    countPassThroughResources(output, outcome.resourcesByKind);
  finish(output, marker, directory, settings,
         carriedOver(diagnostics) ? "carried-over" : "converted", result);
}

BundleJobResult runItem(const BatchItem& item, const BatchSettings& settings,
                        const std::string& name, ModelCache& models) {
  auto start = std::chrono::steady_clock::now();
  BundleJobResult result;
  BundleOutcome& outcome = result.outcome;
  outcome.path = item.relativePath;
  outcome.target = item.target;
  outcome.outputFolder = item.outputFolder;
  outcome.name = name;
  try {
    convertItem(item, settings, models, result);
  } catch (const std::exception& error) {
    outcome.status = "failed";
    outcome.messages.push_back(std::string("error: ") + error.what());
  }
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

} // namespace

std::vector<BundleJobResult> runBundleJob(const std::vector<BatchItem>& items,
                                          const BatchSettings& settings) {
  std::vector<BundleJobResult> results;
  if (items.empty())
    return results;
  ModelCache models;
  std::string name = bundleName(items.front().bundlePath, models);
  for (const BatchItem& item : items)
    results.push_back(runItem(item, settings, name, models));
  return results;
}

} // namespace pm::driver
