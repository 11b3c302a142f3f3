// The correctness property of the servicecatalog target on the corpus of published Proton
// bundles (../shared/corpus, skipped when absent): each CloudFormation bundle's product template,
// evaluated for a deployment's values, gives the module's resources for those values.
// parametric_property_test checks that the module instantiated with those values is what
// rendered mode (`render`) gives, so the product gives the rendered resources.
#include "frontend/bundle/bundle.h"
#include "service_catalog_evaluation.h"
#include "temp_tree.h"
#include "tools/proton-migrate/conversion_builder.h"
#include "tools/proton-migrate/template_inputs.h"
#include "tsv_fields.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using namespace pm;

namespace {

const fs::path kCorpus = fs::path(PM_SOURCE_DIR).parent_path() / "shared" / "corpus";

std::vector<fs::path> cloudFormationBundles() {
  std::vector<fs::path> bundles;
  std::ifstream in(kCorpus / "BUNDLES.tsv");
  std::string line;
  std::getline(in, line); // header
  while (std::getline(in, line)) {
    auto fields = test::splitTabs(line);
    if (fields.size() > 2 && fields[2] == "CloudFormation+Jinja")
      bundles.push_back(kCorpus / fields[0]);
  }
  return bundles;
}

// Every environment output the bundle's files name, with a placeholder value (as the
// scorecard gives them).
std::string environmentOutputs(const fs::path& bundle) {
  static const std::regex kOutput(R"(environment\.outputs\.([A-Za-z0-9_]+))");
  std::set<std::string> names;
  for (const auto& entry : fs::recursive_directory_iterator(bundle)) {
    if (!entry.is_regular_file())
      continue;
    std::ifstream file(entry.path(), std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    std::string content = text.str();
    for (std::sregex_iterator it(content.begin(), content.end(), kOutput), end; it != end; ++it)
      names.insert((*it)[1]);
  }
  std::string json = "{";
  for (const std::string& name : names)
    json += (json.size() > 1 ? ", \"" : "\"") + name + "\": \"" + name + "-value\"";
  return json + "}";
}

// The bundle's parametric model with its own spec (when it has one); nothing when the bundle
// needs inputs nobody gave.
std::optional<backends::ConversionModel>
parametricModel(const fs::path& path, const test::TempTree& temp, ir::Diagnostics& diagnostics) {
  auto bundle = frontend::readBundle(path.string(), diagnostics);
  if (!bundle)
    return std::nullopt;
  driver::TemplateInputFiles files;
  if (fs::exists(path / "spec" / "spec.yaml"))
    files.spec = (path / "spec" / "spec.yaml").string();
  else if (bundle->kind == frontend::BundleKind::Service)
    // One instance on the schema's defaults, as the scorecard gives it: a pipeline that reads
    // `service_instances[0]` needs one.
    files.spec = temp.write("spec.yaml", "proton: ServiceSpec\ninstances:\n- name: inst1\n"
                                         "  environment: env1\n  spec: {}\npipeline: {}\n");
  files.environmentOutputs = temp.write("outputs.json", environmentOutputs(path));
  files.contexts = {"service.name=svc1", "environment.account_id=123456789012"};
  auto inputs = driver::loadTemplateInputs(files, *bundle, diagnostics);
  if (!inputs)
    return std::nullopt;
  auto model = driver::buildConversionModel(*bundle, *inputs, backends::ConversionMode::Parametric,
                                            diagnostics);
  if (!model || diagnostics.hasErrors())
    return std::nullopt;
  return model;
}

} // namespace

TEST_CASE("Service Catalog product templates give the corpus bundles' resources") {
  if (!fs::exists(kCorpus / "BUNDLES.tsv")) {
    MESSAGE("no corpus at " << kCorpus.string() << ": skipped");
    return;
  }
  int compared = 0, bundles = 0;
  for (const fs::path& path : cloudFormationBundles()) {
    CAPTURE(path.string());
    test::TempTree temp;
    ir::Diagnostics diagnostics;
    auto model = parametricModel(path, temp, diagnostics);
    if (!model)
      continue; // inputs without values or a broken bundle: the scorecard covers those
    ++bundles;
    compared += test::compareProductsWithModules(*model, diagnostics);
  }
  MESSAGE(bundles << " corpus bundles, " << compared << " resources compared");
  CHECK(bundles > 10);
  CHECK(compared > 50);
}
