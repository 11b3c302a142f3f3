// `proton-migrate batch`: every bundle under a template repository converted on a thread pool,
// one output folder per bundle and target, one report.
#include "tools/proton-migrate/commands.h"

#include "backends/backend.h"
#include "ir/secret_masking.h"
#include "ir/thread_pool.h"
#include "tools/proton-migrate/batch_plan.h"
#include "tools/proton-migrate/batch_reports.h"
#include "tools/proton-migrate/bundle_job.h"
#include "tools/proton-migrate/exit_codes.h"
#include "tools/proton-migrate/mapping_census.h"
#include "tools/proton-migrate/output_marker.h"
#include "tools/proton-migrate/progress_display.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iterator>
#include <ostream>
#include <sstream>

namespace pm::driver {

namespace {

using backends::report::BatchSummary;
using backends::report::BundleOutcome;

std::vector<std::string> commaList(const std::string& text) {
  std::vector<std::string> items;
  std::stringstream stream(text);
  for (std::string item; std::getline(stream, item, ',');)
    if (!item.empty())
      items.push_back(item);
  return items;
}

struct BatchRequest {
  std::string root;
  std::vector<std::string> targets;
  BatchSettings settings;
  unsigned threads = 1;
  Shard shard;
  std::vector<std::string> reports;
  std::string failOn = "error";
};

bool isTarget(const std::string& name) {
  auto names = backends::backendNames();
  return std::find(names.begin(), names.end(), name) != names.end();
}

// A usage problem's message, or empty when the request is fine.
std::string checkRequest(const BatchRequest& request) {
  if (request.targets.empty())
    return "--to names no target";
  for (const std::string& target : request.targets)
    if (!isTarget(target))
      return "--to takes terraform, cdk or servicecatalog, not '" + target + "'";
  for (const std::string& format : request.reports)
    if (!isReportFormat(format))
      return "--report takes md, json or html, not '" + format + "'";
  if (request.failOn != "error" && request.failOn != "warning" && request.failOn != "never")
    return "--fail-on takes error, warning or never, not '" + request.failOn + "'";
  if (request.settings.mode != "parametric" && request.settings.mode != "rendered")
    return "--mode takes parametric or rendered, not '" + request.settings.mode + "'";
  return "";
}

std::optional<BatchRequest> readRequest(const po::variables_map& values, CommandIo& io) {
  if (!values.count("root") || !values.count("to") || !values.count("output")) {
    io.err << "proton-migrate batch: ROOT, --to and -o are required\n";
    return std::nullopt;
  }
  BatchRequest request;
  request.root = values["root"].as<std::string>();
  request.targets = commaList(values["to"].as<std::string>());
  request.settings.outputRoot = values["output"].as<std::string>();
  if (values.count("mode"))
    request.settings.mode = values["mode"].as<std::string>();
  request.settings.force = values["force"].as<bool>();
  request.settings.incremental = values["incremental"].as<bool>();
  request.settings.check = values["check"].as<bool>();
  request.threads = values.count("jobs")
                        ? static_cast<unsigned>(std::max(values["jobs"].as<int>(), 1))
                        : ir::defaultThreadCount();
  if (values.count("report"))
    request.reports = commaList(values["report"].as<std::string>());
  request.settings.keepMessages = !request.reports.empty();
  if (values.count("fail-on"))
    request.failOn = values["fail-on"].as<std::string>();
  std::string problem = checkRequest(request);
  if (values.count("shard")) {
    auto shard = parseShard(values["shard"].as<std::string>());
    if (!shard)
      problem = "--shard takes i/N with 1 <= i <= N";
    else
      request.shard = *shard;
  }
  if (!problem.empty()) {
    io.err << "proton-migrate batch: " << problem << "\n";
    return std::nullopt;
  }
  return request;
}

std::string progressLine(const BundleOutcome& outcome) {
  return outcome.status + " " + outcome.path + " (" + outcome.target + ")";
}

bool hasFindings(const BundleOutcome& outcome, const std::string& severity) {
  auto found = outcome.findingsBySeverity.find(severity);
  return found != outcome.findingsBySeverity.end() && found->second > 0;
}

// --fail-on: a failed or refused bundle counts as an error. `findings` false: only those count
// (--check answers whether the output is current; lint findings are lint's business).
bool failsRun(const BatchSummary& summary, const std::string& failOn, bool findings) {
  if (failOn == "never")
    return false;
  return std::any_of(summary.outcomes.begin(), summary.outcomes.end(), [&](const BundleOutcome& o) {
    if (o.status == "not-for-target")
      return false; // the target cannot carry it; the report says so
    return o.status == "failed" || o.status == "refused" ||
           (findings &&
            (hasFindings(o, "error") || (failOn == "warning" && hasFindings(o, "warning"))));
  });
}

// The items of each bundle together (planBatch lists a bundle's targets one after another): one
// job converts a bundle to all its targets.
std::vector<std::vector<BatchItem>> itemsByBundle(std::vector<BatchItem> items) {
  std::vector<std::vector<BatchItem>> bundles;
  for (BatchItem& item : items) {
    if (bundles.empty() || bundles.back().front().bundlePath != item.bundlePath)
      bundles.emplace_back();
    bundles.back().push_back(std::move(item));
  }
  return bundles;
}

// Runs every item; with --check, prints how stale folders differ, in item order.
BatchSummary runBatch(const BatchRequest& request, CommandIo& io) {
  auto start = std::chrono::steady_clock::now();
  std::vector<BatchItem> items = planBatch(request.root, request.targets, request.shard);
  std::size_t itemCount = items.size();
  std::vector<std::vector<BatchItem>> bundles = itemsByBundle(std::move(items));
  preloadConversionTables();
  std::vector<std::vector<BundleJobResult>> converted(bundles.size());
  ProgressDisplay progress(io.err, itemCount, stderrIsTerminal());
  ir::runJobs(
      bundles.size(), request.threads,
      [&](std::size_t index) { converted[index] = runBundleJob(bundles[index], request.settings); },
      [&](std::size_t index) {
        for (const BundleJobResult& result : converted[index]) {
          const BundleOutcome& outcome = result.outcome;
          progress.finished(progressLine(outcome), outcome.status == "failed" ||
                                                       outcome.status == "refused" ||
                                                       outcome.status == "stale");
        }
      });
  progress.done();
  std::vector<BundleJobResult> results;
  for (std::vector<BundleJobResult>& bundle : converted)
    std::move(bundle.begin(), bundle.end(), std::back_inserter(results));
  BatchSummary summary;
  summary.root = request.root;
  summary.targets = request.targets;
  summary.shard = request.shard.count > 1 ? request.shard.text() : "";
  for (BundleJobResult& result : results) {
    io.out << ir::maskSecrets(result.staleDiff);
    summary.outcomes.push_back(std::move(result.outcome));
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

int batch(const po::variables_map& values, CommandIo& io) {
  auto request = readRequest(values, io);
  if (!request)
    return kExitUsage;
  if (!std::filesystem::exists(request->root)) {
    io.err << "proton-migrate batch: " << request->root << " does not exist\n";
    return kExitInputError;
  }
  BatchSummary summary = runBatch(*request, io);
  for (const std::string& format : request->reports)
    io.out << "report: " << writeBatchReport(summary, format, request->settings.outputRoot) << "\n";
  printBatchTotals(summary, io.out);
  bool stale = summary.count("stale") > 0;
  bool check = request->settings.check;
  return stale || failsRun(summary, request->failOn, !check) ? kExitFindings : kExitSuccess;
}

} // namespace

// Option tables read best one option per line, which clang-format would undo.
// clang-format off
Command batchCommand() {
  return {"batch",
          "batch ROOT --to T[,T...] -o DIR [-j N] [--shard i/N] [--report md|json|html] "
          "[--fail-on error|warning|never] [--incremental] [--force] [--check]",
          "Finds every bundle under ROOT and converts them all, with one summary. Each bundle "
          "and target gets DIR/<target>/<path under ROOT>/; reports go to "
          "DIR/batch-report.<format>.",
          [](po::options_description& options, po::positional_options_description& positional) {
            options.add_options()
                ("root", po::value<std::string>()->value_name("ROOT"), "template repository")
                ("to", po::value<std::string>()->value_name("T"), "terraform, cdk or servicecatalog; several separated by commas")
                ("output,o", po::value<std::string>()->value_name("DIR"), "output folder")
                ("mode", po::value<std::string>()->value_name("M"), "parametric (default) or rendered")
                ("jobs,j", po::value<int>()->value_name("N"), "threads (default: all cores)")
                ("shard", po::value<std::string>()->value_name("i/N"), "this shard of the work (1 <= i <= N)")
                ("report", po::value<std::string>()->value_name("F"), "md, json or html; several separated by commas")
                ("fail-on", po::value<std::string>()->value_name("L"), "error (default), warning or never")
                ("check", po::bool_switch(), "write nothing: compare each output folder with what this run generates, print a unified diff and exit 1 when one is stale");
            declareOutputFolderOptions(options);
            positional.add("root", 1);
          },
          batch};
}
// clang-format on

} // namespace pm::driver
