// Every .tf file of the shared Proton corpus parses, and its syntax tree prints back the exact
// file text. Skips when the corpus is not next to the repository.
#include "frontend/hcl/hcl.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = fs::path(PM_SOURCE_DIR) / ".." / "shared" / "corpus";

// Corpus files that are not valid HCL, with where the error must be reported. The vpc-env
// sample writes an unquoted `proton:environment = ...` object key, which HCL (and Terraform)
// reads as the key `proton`, a `:` separator, the value `environment`, then a stray `=`.
const std::map<std::string, std::string> kInvalidFiles = {
    {"aws-samples__aws-proton-terraform-sample-templates/environment-templates/vpc-env/v1/"
     "infrastructure/config.tf",
     ":17:26"},
};

std::vector<fs::path> corpusTerraformFiles() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(kCorpus))
    if (entry.is_regular_file() && entry.path().extension() == ".tf")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::string readWhole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

} // namespace

TEST_CASE("hcl: every corpus .tf file parses and prints back unchanged") {
  if (!fs::is_directory(kCorpus)) {
    MESSAGE("skipped: no corpus at " << kCorpus.string());
    return;
  }
  std::vector<fs::path> files = corpusTerraformFiles();
  CHECK(files.size() >= 100);
  std::size_t references = 0;
  for (const fs::path& path : files) {
    INFO("file: " << path.string());
    std::string text = readWhole(path);
    pm::ir::Diagnostics diagnostics;
    std::optional<pm::frontend::hcl::SyntaxTree> tree =
        pm::frontend::hcl::parseHcl(path.string(), text, diagnostics);
    std::ostringstream printed;
    diagnostics.print(printed);
    auto invalid = kInvalidFiles.find(fs::relative(path, kCorpus).string());
    if (invalid != kInvalidFiles.end()) {
      CHECK_FALSE(tree.has_value());
      REQUIRE(diagnostics.all().size() == 1);
      CHECK(diagnostics.all()[0].location.str() == path.string() + invalid->second);
      continue;
    }
    REQUIRE_MESSAGE(tree.has_value(), printed.str());
    CHECK(diagnostics.all().empty());
    CHECK(tree->print() == text);
    CHECK(tree->wellNested(tree->root()));
    references += pm::frontend::hcl::findProtonReferences(*tree).size();
  }
  CHECK(references > 0);
}

TEST_CASE("hcl: damaged corpus files give one located diagnostic or an exact tree") {
  if (!fs::is_directory(kCorpus)) {
    MESSAGE("skipped: no corpus at " << kCorpus.string());
    return;
  }
  constexpr std::string_view kDamage = "{}[]()\"$%~<-\n#/*=:?.,";
  std::uint32_t seed = 12345; // a fixed linear congruential sequence: the same damage every run
  auto next = [&seed](std::size_t bound) {
    seed = seed * 1664525u + 1013904223u;
    return static_cast<std::size_t>(seed >> 8) % bound;
  };
  for (const fs::path& path : corpusTerraformFiles()) {
    std::string text = readWhole(path);
    for (int round = 0; round < 12 && !text.empty(); ++round) {
      std::string damaged = text;
      std::size_t at = next(damaged.size());
      if (round % 3 == 0)
        damaged.resize(at);
      else if (round % 3 == 1)
        damaged[at] = kDamage[next(kDamage.size())];
      else
        damaged.erase(at, 1 + next(8));
      pm::ir::Diagnostics diagnostics;
      std::optional<pm::frontend::hcl::SyntaxTree> tree =
          pm::frontend::hcl::parseHcl("damaged.tf", damaged, diagnostics);
      if (tree) {
        CHECK(tree->print() == damaged);
        continue;
      }
      REQUIRE(diagnostics.all().size() == 1);
      CHECK(diagnostics.all()[0].location.line >= 1);
      CHECK(diagnostics.all()[0].location.column >= 1);
    }
  }
}
