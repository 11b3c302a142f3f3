// Benchmark of the conversion pipeline against the parse floor, in one process:
//   pipeline_bench [--rounds N] TEMPLATE... [--bundles BUNDLE...]
// For the plain CloudFormation files: yaml-cpp's YAML::Load (node tree) and its event API
// (YAML::Parser with a handler that does nothing) as the floor, our reader, and the whole
// `convert FILE` pipeline (read + passes + emit, in memory) per target. For the bundles:
// render + convert (rendered mode) per target, against the event API over their rendered
// parts. Prints, per stage, the time per item, the throughput over the template bytes and the
// ratio to the event-API floor; then the peak RSS.
// The estate is made by make_estate.py; estate_bench.py runs everything.
#include "backends/backend.h"
#include "backends/output_tree.h"
#include "frontend/cloudformation/cloudformation_reader.h"
#include "frontend/render.h"
#include "tools/proton-migrate/conversion_builder.h"
#include "tools/proton-migrate/template_inputs.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <vector>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

namespace {

using namespace pm;
using Clock = std::chrono::steady_clock;

struct Item {
  std::string path;
  std::string text;
};

class IgnoreEvents : public YAML::EventHandler {
public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

std::string readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The best of `rounds` runs of `step` over every item, in milliseconds (the least disturbed
// by other work on the machine).
double bestOf(int rounds, const std::vector<Item>& items,
              const std::function<void(const Item&)>& step) {
  double best = 0;
  for (int round = 0; round < rounds; ++round) {
    auto start = Clock::now();
    for (const Item& item : items)
      step(item);
    double elapsed = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    best = round == 0 ? elapsed : std::min(best, elapsed);
  }
  return best;
}

// Converts one path (a template file or a bundle folder) the way `convert PATH` does, in memory.
void convert(const std::string& path, const backends::Backend& backend,
             backends::ConversionMode mode) {
  driver::po::variables_map none;
  ir::Diagnostics diagnostics;
  auto loaded = driver::loadBundle(path, none, diagnostics);
  if (!loaded)
    return;
  tf::NativeSources terraform;
  auto model =
      driver::buildConversionModel(loaded->bundle, loaded->inputs, mode, diagnostics, &terraform);
  if (!model || diagnostics.hasErrors() || !terraform.empty())
    return;
  backends::OutputTree output;
  backend.emit(*model, output, diagnostics);
}

struct Report {
  std::size_t bytes = 0;
  double floor = 0; // the event API's time, ms

  void line(const char* stage, std::size_t count, double milliseconds) const {
    double perItem = count ? milliseconds / static_cast<double>(count) : 0;
    double megabytesPerSecond = milliseconds > 0 ? bytes / 1e6 / (milliseconds / 1e3) : 0;
    std::printf("  %-34s %9.1f ms %9.3f ms/item %8.1f MB/s %7.2fx floor\n", stage, milliseconds,
                perItem, megabytesPerSecond, floor > 0 ? milliseconds / floor : 0);
  }
};

// yaml-cpp's event API over every item's text, doing nothing with the events: the floor.
double eventFloor(int rounds, const std::vector<Item>& items) {
  return bestOf(rounds, items, [](const Item& item) {
    std::istringstream stream(item.text);
    YAML::Parser parser(stream);
    IgnoreEvents ignore;
    try {
      while (parser.HandleNextDocument(ignore)) {
      }
    } catch (const YAML::Exception&) {
    }
  });
}

void benchTemplates(const std::vector<Item>& templates, int rounds) {
  Report report;
  for (const Item& item : templates)
    report.bytes += item.text.size();
  std::printf("%zu plain CloudFormation templates, %.2f MB, best of %d rounds:\n", templates.size(),
              report.bytes / 1e6, rounds);
  double load = bestOf(rounds, templates, [](const Item& item) {
    try {
      YAML::LoadAll(item.text);
    } catch (const YAML::Exception&) {
    }
  });
  report.floor = eventFloor(rounds, templates);
  report.line("parse floor: YAML::Load", templates.size(), load);
  report.line("parse floor: YAML::Parser events", templates.size(), report.floor);
  double read = bestOf(rounds, templates, [](const Item& item) {
    ir::Diagnostics diagnostics;
    frontend::readCloudFormation(item.path, item.text, diagnostics);
  });
  report.line("read (our reader -> model)", templates.size(), read);
  for (std::string_view target : backends::backendNames()) {
    auto backend = backends::makeBackend(std::string(target));
    double total = bestOf(rounds, templates, [&](const Item& item) {
      convert(item.path, *backend, backends::ConversionMode::Rendered);
    });
    std::string stage = "convert FILE --to " + std::string(target);
    report.line(stage.c_str(), templates.size(), total);
  }
}

// The rendered text of every CloudFormation part of the bundles (with default inputs): the
// templates the bundles' floor is measured on.
std::vector<Item> renderedParts(const std::vector<Item>& bundles) {
  std::vector<Item> rendered;
  for (const Item& bundle : bundles) {
    driver::po::variables_map none;
    ir::Diagnostics diagnostics;
    auto loaded = driver::loadBundle(bundle.path, none, diagnostics);
    if (!loaded)
      continue;
    for (const frontend::BundlePart& part : loaded->bundle.parts) {
      auto text =
          frontend::renderPart(loaded->bundle, loaded->inputs.request(part.role, ""), diagnostics);
      if (text)
        rendered.push_back({bundle.path, std::move(*text)});
    }
  }
  return rendered;
}

void benchBundles(const std::vector<Item>& bundles, int rounds) {
  if (bundles.empty())
    return;
  Report report;
  std::vector<Item> rendered = renderedParts(bundles);
  for (const Item& item : rendered)
    report.bytes += item.text.size();
  report.floor = eventFloor(rounds, rendered);
  std::printf("%zu bundles (%zu rendered CloudFormation parts, %.2f MB), best of %d rounds:\n",
              bundles.size(), rendered.size(), report.bytes / 1e6, rounds);
  report.line("parse floor: events, rendered parts", bundles.size(), report.floor);
  for (backends::ConversionMode mode :
       {backends::ConversionMode::Rendered, backends::ConversionMode::Parametric})
    for (std::string_view target : backends::backendNames()) {
      auto backend = backends::makeBackend(std::string(target));
      double total =
          bestOf(rounds, bundles, [&](const Item& item) { convert(item.path, *backend, mode); });
      std::string stage =
          std::string(mode == backends::ConversionMode::Rendered ? "render+convert --to "
                                                                 : "parametric convert --to ") +
          std::string(target);
      report.line(stage.c_str(), bundles.size(), total);
    }
}

} // namespace

int main(int argc, char** argv) {
  int rounds = 3;
  std::vector<Item> templates;
  std::vector<Item> bundles;
  bool inBundles = false;
  for (int i = 1; i < argc; ++i) {
    std::string argument = argv[i];
    if (argument == "--rounds" && i + 1 < argc)
      rounds = std::max(1, std::atoi(argv[++i]));
    else if (argument == "--bundles")
      inBundles = true;
    else if (inBundles)
      bundles.push_back({argument, {}});
    else
      templates.push_back({argument, readText(argument)});
  }
  if (templates.empty() && bundles.empty()) {
    std::fprintf(stderr, "usage: pipeline_bench [--rounds N] TEMPLATE... [--bundles BUNDLE...]\n");
    return 2;
  }
  if (!templates.empty())
    benchTemplates(templates, rounds);
  benchBundles(bundles, rounds);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak RSS: %.1f MB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
