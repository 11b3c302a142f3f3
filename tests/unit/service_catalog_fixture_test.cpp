// The servicecatalog target on every fixture case: the product template of each deployment,
// with the spec's values as parameters (Fn::If, Fn::Sub and Refs evaluated here), gives the
// resources of the parametric module instantiated with those values, which rendered mode
// reads (DESIGN.md's correctness property, checked for the module by parametric tests).
#include "backends/servicecatalog/service_catalog_backend.h"
#include "frontend/bundle/bundle.h"
#include "service_catalog_evaluation.h"
#include "tools/proton-migrate/conversion_builder.h"
#include "tools/proton-migrate/template_inputs.h"

#include "tsv_fields.h"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <set>

namespace fs = std::filesystem;
using namespace pm;
using ir::Expr;
using ir::ExprKind;
using ir::ExprPtr;

namespace {

const fs::path kFixtures = fs::path(PM_SOURCE_DIR) / "fixtures";

struct FixtureCase {
  std::string bundle, spec, environmentOutputs, componentOutputs;
  bool operator<(const FixtureCase& other) const {
    return std::tie(bundle, spec, environmentOutputs, componentOutputs) <
           std::tie(other.bundle, other.spec, other.environmentOutputs, other.componentOutputs);
  }
};

std::set<FixtureCase> fixtureCases() {
  std::set<FixtureCase> cases;
  std::ifstream in(kFixtures / "render-cases.tsv");
  std::string line;
  auto path = [](const std::string& field) {
    return field == "-" ? std::string() : (kFixtures / field).string();
  };
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#')
      continue;
    auto fields = test::splitTabs(line);
    if (fields.size() >= 7)
      cases.insert({path(fields[0]), path(fields[3]), path(fields[4]), path(fields[5])});
  }
  return cases;
}

std::optional<backends::ConversionModel> buildModel(const FixtureCase& fixture,
                                                    ir::Diagnostics& diagnostics) {
  auto bundle = frontend::readBundle(fixture.bundle, diagnostics);
  if (!bundle)
    return std::nullopt;
  driver::TemplateInputFiles files;
  auto optional = [](const std::string& path) {
    return path.empty() ? std::nullopt : std::optional(path);
  };
  files.spec = optional(fixture.spec);
  files.environmentOutputs = optional(fixture.environmentOutputs);
  files.componentOutputs = optional(fixture.componentOutputs);
  files.contexts = {"service.name=svc1", "environment.account_id=123456789012"};
  auto inputs = driver::loadTemplateInputs(files, *bundle, diagnostics);
  if (!inputs)
    return std::nullopt;
  return driver::buildConversionModel(*bundle, *inputs, backends::ConversionMode::Parametric,
                                      diagnostics);
}

} // namespace

TEST_CASE("Service Catalog product templates give the fixtures' resources for the spec values") {
  int compared = 0;
  for (const FixtureCase& fixture : fixtureCases()) {
    CAPTURE(fixture.bundle);
    CAPTURE(fixture.spec);
    ir::Diagnostics diagnostics;
    auto parametric = buildModel(fixture, diagnostics);
    REQUIRE(parametric);
    compared += test::compareProductsWithModules(*parametric, diagnostics);
  }
  CHECK(compared > 20);
}

TEST_CASE("Service Catalog converts every fixture without errors") {
  for (const FixtureCase& fixture : fixtureCases()) {
    CAPTURE(fixture.bundle);
    ir::Diagnostics diagnostics;
    auto model = buildModel(fixture, diagnostics);
    REQUIRE(model);
    backends::OutputTree tree;
    backends::makeServiceCatalogBackend()->emit(*model, tree, diagnostics);
    CHECK_FALSE(diagnostics.hasErrors());
    CHECK(tree.files().count("portfolio.yaml"));
  }
}
