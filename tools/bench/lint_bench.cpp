// Benchmark of the lint passes against a conversion: for every bundle of the corpus (its
// BUNDLES.tsv), the time to read it and run the passes, the time of the lint step alone, and
// the time the Terraform backend takes to emit it. The budget: linting costs under 10%
// of a convert run.
#include "backends/backend.h"
#include "backends/output_tree.h"
#include "ir/passes/lint/lint_pass.h"
#include "tools/proton-migrate/conversion_builder.h"
#include "tools/proton-migrate/template_inputs.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;
using namespace pm;

constexpr int kRounds = 3;

double since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::vector<std::string> bundlePaths(const fs::path& corpus) {
  std::vector<std::string> paths;
  std::ifstream list(corpus / "BUNDLES.tsv");
  std::string line;
  std::getline(list, line); // header
  while (std::getline(list, line))
    paths.push_back((corpus / line.substr(0, line.find('\t'))).string());
  return paths;
}

struct Times {
  double convert = 0; // read + passes (lint included) + emit
  double lint = 0;    // the lint step alone
  int bundles = 0;
  std::size_t findings = 0;
};

void measure(const std::string& path, const backends::Backend& backend, Times& times) {
  driver::po::variables_map none;
  ir::Diagnostics diagnostics;
  auto start = Clock::now();
  auto loaded = driver::loadBundle(path, none, diagnostics);
  if (!loaded)
    return;
  tf::NativeSources terraform;
  auto model =
      driver::buildConversionModel(loaded->bundle, loaded->inputs,
                                   backends::ConversionMode::Parametric, diagnostics, &terraform);
  if (!model || diagnostics.hasErrors() || !terraform.empty())
    return;
  backends::OutputTree output;
  backend.emit(*model, output, diagnostics);
  times.convert += since(start);
  auto lintStart = Clock::now();
  ir::lint::LintResult result;
  ir::lint::runLint(model->modules, diagnostics, {}, result);
  times.lint += since(lintStart);
  times.findings += result.findings.size();
  ++times.bundles;
}

} // namespace

int main(int argc, char** argv) {
  fs::path corpus = argc > 1 ? fs::path(argv[1]) : fs::path(PM_CORPUS_DIR);
  if (!fs::exists(corpus / "BUNDLES.tsv")) {
    std::printf("lint_bench: no corpus at %s (skipped)\n", corpus.string().c_str());
    return 0;
  }
  auto backend = backends::makeBackend("terraform");
  Times times;
  for (int round = 0; round < kRounds; ++round)
    for (const std::string& path : bundlePaths(corpus))
      measure(path, *backend, times);
  double share = times.convert > 0 ? 100.0 * times.lint / times.convert : 0;
  std::printf("lint_bench: %d bundle conversions (%d rounds), %zu findings\n", times.bundles,
              kRounds, times.findings);
  std::printf("  convert (read + passes + terraform emit): %.1f ms\n", times.convert);
  std::printf(
      "  lint step alone:                         %.1f ms (%.1f%% of convert; budget 10%%)\n",
      times.lint, share);
  return share < 10.0 ? 0 : 1;
}
