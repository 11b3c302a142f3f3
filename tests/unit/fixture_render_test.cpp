// Black-box tests of `proton-migrate render`: byte-for-byte goldens (fixtures/render-cases.tsv),
// the same cases against the reference renderer, and every CloudFormation+Jinja bundle of the
// corpus against the reference renderer when the corpus and Python Jinja are available.
#include "tests/unit/process_runner.h"

#include "tsv_fields.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path kSourceDir = PM_SOURCE_DIR;
const fs::path kFixtures = kSourceDir / "fixtures";
const fs::path kSharedDir = kSourceDir / ".." / "shared";
const fs::path kReferenceRenderer = kSharedDir / "tools" / "proton-render.py";
const fs::path kCorpus = kSharedDir / "corpus";

// The context every golden was rendered with (fixtures/README.md).
const std::vector<std::string> kContext{"--context", "service.name=svc1", "--context",
                                        "environment.account_id=123456789012"};

struct RenderCase {
  std::string bundle; // relative to fixtures/
  std::string part;
  std::string instance; // "-" when not passed
  std::string spec;
  std::string envOutputs;       // "-" when not passed
  std::string componentOutputs; // "-" when not passed
  std::string expected;
};

std::vector<RenderCase> renderCases() {
  std::vector<RenderCase> cases;
  std::ifstream in(kFixtures / "render-cases.tsv");
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#')
      continue;
    std::vector<std::string> f = pm::test::splitTabs(line);
    REQUIRE_MESSAGE(f.size() == 7, "render-cases.tsv row needs 7 columns: " << line);
    cases.push_back({f[0], f[1], f[2], f[3], f[4], f[5], f[6]});
  }
  return cases;
}

// The render arguments after the bundle path; the same for proton-migrate and the reference.
std::vector<std::string> renderOptions(const RenderCase& c) {
  std::vector<std::string> args{"--part", c.part};
  if (c.instance != "-")
    args.insert(args.end(), {"--instance", c.instance});
  args.insert(args.end(), {"--spec", c.spec});
  if (c.envOutputs != "-")
    args.insert(args.end(), {"--env-outputs", c.envOutputs});
  if (c.componentOutputs != "-")
    args.insert(args.end(), {"--component-outputs", c.componentOutputs});
  args.insert(args.end(), kContext.begin(), kContext.end());
  return args;
}

pm::test::ProcessResult renderWithProtonMigrate(const std::string& bundle,
                                                const std::vector<std::string>& options,
                                                const fs::path& workingDirectory) {
  std::vector<std::string> argv{PM_BINARY, "render", bundle};
  argv.insert(argv.end(), options.begin(), options.end());
  return pm::test::runProcess(argv, workingDirectory);
}

pm::test::ProcessResult renderWithReference(const std::string& bundle,
                                            const std::vector<std::string>& options,
                                            const fs::path& workingDirectory) {
  std::vector<std::string> argv{"python3", kReferenceRenderer.string(), bundle};
  argv.insert(argv.end(), options.begin(), options.end());
  return pm::test::runProcess(argv, workingDirectory);
}

bool referenceRendererAvailable() {
  if (!fs::exists(kReferenceRenderer))
    return false;
  pm::test::ProcessResult probe =
      pm::test::runProcess({"python3", "-c", "import jinja2, yaml"}, kSourceDir, 30);
  return probe.exitCode == 0;
}

// The reference renderer reads folders only: unpack an archive bundle and return the folder that
// holds schema/ (the archive root, or its single wrapping folder).
fs::path unpackForReference(const fs::path& archive, const fs::path& into) {
  pm::test::ProcessResult tar =
      pm::test::runProcess({"tar", "xzf", archive.string(), "-C", into.string()}, kFixtures, 60);
  REQUIRE_MESSAGE(tar.exitCode == 0, "tar xzf " << archive.string() << ": " << tar.err);
  if (fs::exists(into / "schema"))
    return into;
  std::vector<fs::path> entries;
  for (const auto& entry : fs::directory_iterator(into))
    entries.push_back(entry.path());
  REQUIRE(entries.size() == 1);
  return entries.front();
}

bool endsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Where two renders first differ, so a failure message shows the line instead of two blobs.
std::string firstDifference(const std::string& actual, const std::string& expected) {
  std::size_t at = 0;
  while (at < actual.size() && at < expected.size() && actual[at] == expected[at])
    ++at;
  std::size_t line = std::count(expected.begin(), expected.begin() + at, '\n') + 1;
  auto lineAt = [](const std::string& text, std::size_t offset) {
    std::size_t start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    start = (start == std::string::npos || offset == 0) ? 0 : start + 1;
    std::size_t end = text.find('\n', start);
    return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
  };
  std::ostringstream out;
  out << "first difference at byte " << at << " (line " << line
      << ")\n  expected: " << (at <= expected.size() ? lineAt(expected, at) : "<end>")
      << "\n  actual:   " << (at <= actual.size() ? lineAt(actual, at) : "<end>")
      << "\n  sizes: expected " << expected.size() << " bytes, actual " << actual.size();
  return out.str();
}

} // namespace

TEST_CASE("render output equals the reviewed golden of every fixture case byte for byte") {
  const std::vector<RenderCase> cases = renderCases();
  REQUIRE(cases.size() >= 10);

  for (const RenderCase& c : cases) {
    SUBCASE(c.expected.c_str()) {
      REQUIRE(fs::exists(kFixtures / c.expected));
      const std::string expected = pm::test::readFile(kFixtures / c.expected);
      pm::test::ProcessResult ours = renderWithProtonMigrate(c.bundle, renderOptions(c), kFixtures);
      INFO("fixtures/" << c.bundle << " --part " << c.part << " --instance " << c.instance);
      INFO("stderr:\n" << ours.err);
      CHECK(ours.exitCode == 0);
      CHECK_MESSAGE(ours.out == expected, firstDifference(ours.out, expected));
    }
  }
}

TEST_CASE("render output equals the reference renderer on every fixture case") {
  if (!referenceRendererAvailable()) {
    MESSAGE("skipped: needs python3 with jinja2 and yaml, and " << kReferenceRenderer.string());
    return;
  }
  const std::vector<RenderCase> cases = renderCases();
  for (const RenderCase& c : cases) {
    SUBCASE(c.expected.c_str()) {
      const std::vector<std::string> options = renderOptions(c);
      pm::test::TemporaryDirectory unpacked;
      std::string referenceBundle = c.bundle;
      if (endsWith(c.bundle, ".tar.gz"))
        referenceBundle = unpackForReference(kFixtures / c.bundle, unpacked.path()).string();

      pm::test::ProcessResult reference = renderWithReference(referenceBundle, options, kFixtures);
      pm::test::ProcessResult ours = renderWithProtonMigrate(c.bundle, options, kFixtures);
      INFO("fixtures/" << c.bundle << " --part " << c.part << " --instance " << c.instance);
      INFO("reference stderr:\n" << reference.err);
      INFO("proton-migrate stderr:\n" << ours.err);
      REQUIRE(reference.exitCode == 0);
      CHECK(ours.exitCode == 0);
      CHECK_MESSAGE(ours.out == reference.out, firstDifference(ours.out, reference.out));
    }
  }
}

namespace {

struct CorpusBundle {
  std::string root; // relative to the corpus folder
  std::string kind; // environment | service
};

std::vector<CorpusBundle> corpusJinjaBundles() {
  std::vector<CorpusBundle> bundles;
  std::ifstream in(kCorpus / "BUNDLES.tsv");
  std::string header;
  std::getline(in, header);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> f = pm::test::splitTabs(line);
    if (f.size() < 3 || f[2] != "CloudFormation+Jinja" || f[1] == "component")
      continue;
    bundles.push_back({f[0], f[1]});
  }
  return bundles;
}

// Every `environment.outputs.X` a bundle's files mention (also inside
// service_instance.environment.outputs.X), so each reference resolves.
std::set<std::string> environmentOutputNames(const fs::path& bundle) {
  static const std::regex kOutput(R"(environment\.outputs\.([A-Za-z_][A-Za-z0-9_]*))");
  std::set<std::string> names;
  for (const auto& entry : fs::recursive_directory_iterator(bundle)) {
    if (!entry.is_regular_file())
      continue;
    const std::string text = pm::test::readFile(entry.path());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), kOutput);
         it != std::sregex_iterator(); ++it)
      names.insert((*it)[1].str());
  }
  return names;
}

fs::path writeEnvironmentOutputs(const std::set<std::string>& names, const fs::path& folder) {
  fs::path file = folder / "env-outputs.json";
  std::ofstream out(file, std::ios::binary);
  out << "{";
  const char* separator = "\n";
  for (const std::string& name : names) {
    out << separator << "  \"" << name << "\": \"" << name << "-value\"";
    separator = ",\n";
  }
  out << "\n}\n";
  return file;
}

} // namespace

TEST_CASE("render output equals the reference renderer on every CloudFormation bundle of the "
          "corpus") {
  if (!fs::exists(kCorpus / "BUNDLES.tsv")) {
    MESSAGE("skipped: no corpus at " << kCorpus.string());
    return;
  }
  if (!referenceRendererAvailable()) {
    MESSAGE("skipped: needs python3 with jinja2 and yaml, and " << kReferenceRenderer.string());
    return;
  }
  const std::vector<CorpusBundle> bundles = corpusJinjaBundles();
  REQUIRE_FALSE(bundles.empty());

  for (const CorpusBundle& bundle : bundles) {
    std::vector<std::string> parts;
    if (bundle.kind == "environment") {
      parts = {"infrastructure"};
    } else {
      parts = {"instance"};
      if (fs::exists(kCorpus / bundle.root / "pipeline_infrastructure"))
        parts.push_back("pipeline");
    }
    for (const std::string& part : parts) {
      const std::string name = bundle.root + " --part " + part;
      SUBCASE(name.c_str()) {
        pm::test::TemporaryDirectory scratch;
        fs::path envOutputs =
            writeEnvironmentOutputs(environmentOutputNames(kCorpus / bundle.root), scratch.path());
        std::vector<std::string> options{"--part", part};
        if (fs::exists(kCorpus / bundle.root / "spec" / "spec.yaml"))
          options.insert(options.end(), {"--spec", bundle.root + "/spec/spec.yaml"});
        options.insert(options.end(), {"--env-outputs", envOutputs.string()});
        options.insert(options.end(), kContext.begin(), kContext.end());
        if (bundle.kind == "environment")
          options.insert(options.end(), {"--context", "environment.name=env1"});

        pm::test::ProcessResult reference = renderWithReference(bundle.root, options, kCorpus);
        pm::test::ProcessResult ours = renderWithProtonMigrate(bundle.root, options, kCorpus);
        INFO("corpus bundle: " << name);
        INFO("reference exit " << reference.exitCode << ", stderr:\n" << reference.err);
        INFO("proton-migrate exit " << ours.exitCode << ", stderr:\n" << ours.err);
        if (reference.exitCode == 0) {
          CHECK(ours.exitCode == 0);
          CHECK_MESSAGE(ours.out == reference.out, firstDifference(ours.out, reference.out));
          // Every Ref, GetAtt and Sub variable of what Proton deployed names something.
          std::vector<std::string> inspect{PM_BINARY, "inspect", bundle.root, "--graph", "json"};
          inspect.insert(inspect.end(), options.begin(), options.end());
          pm::test::ProcessResult graph = pm::test::runProcess(inspect, kCorpus);
          INFO("inspect stderr:\n" << graph.err);
          CHECK(graph.exitCode == 0);
          CHECK(graph.out.find("\"edges\"") != std::string::npos);
          CHECK(graph.out.find("\"resolved\": false") == std::string::npos);
        } else if (reference.exitCode == 3 && part == "pipeline" && ours.exitCode == 0) {
          // The reference renderer leaves service_instances[i].outputs empty; proton-migrate
          // fills those the instance template writes as literals (frontend/instance_outputs.h).
          CHECK(reference.err.find("has no attribute") != std::string::npos);
        } else if (reference.exitCode == 3) {
          CHECK(ours.exitCode == 3);
        } else {
          MESSAGE("not compared: the reference renderer exited " << reference.exitCode);
        }
      }
    }
  }
}
