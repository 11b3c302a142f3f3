// Reading a Terraform-based bundle part: its files parsed, Proton references and generated
// files identified, syntax errors in every file reported.
#include "frontend/hcl/hcl.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>

using namespace pm;
using frontend::Bundle;
using frontend::BundlePart;
using frontend::FileTree;
using frontend::hcl::TerraformPart;

namespace {

Bundle bundleOf(std::map<std::string, std::string> files) {
  Bundle bundle;
  bundle.files = FileTree::fromMemory(std::move(files), "bundle");
  return bundle;
}

BundlePart infrastructurePart(std::vector<std::string> terraformFiles) {
  BundlePart part;
  part.directory = "infrastructure";
  part.terraformFiles = std::move(terraformFiles);
  return part;
}

} // namespace

TEST_CASE("hcl: a Terraform part is parsed with its references and generated files") {
  Bundle bundle = bundleOf({
      {"infrastructure/main.tf", "resource \"aws_vpc\" \"v\" {\n"
                                 "  cidr_block = var.environment.inputs.vpc_cidr\n}\n"},
      {"infrastructure/proton.variables.tf", "variable \"environment\" {\n}\n"},
      {"infrastructure/variables.tf", "variable \"aws_region\" {}\n"
                                      "variable \"proton_tags\" {\n  type = map(string)\n}\n"},
      {"infrastructure/proton.auto.tfvars.json", "{}"},
      {"infrastructure/manifest.yaml", "infrastructure: {}"},
  });
  BundlePart part =
      infrastructurePart({"infrastructure/main.tf", "infrastructure/proton.variables.tf",
                          "infrastructure/variables.tf"});
  ir::Diagnostics diagnostics;
  std::optional<TerraformPart> read = frontend::hcl::readTerraformPart(bundle, part, diagnostics);
  REQUIRE(read.has_value());
  CHECK(diagnostics.all().empty());
  REQUIRE(read->files.size() == 3);
  CHECK(read->files[0].path == "infrastructure/main.tf");
  CHECK(read->files[0].tree.path() == "bundle/infrastructure/main.tf");
  REQUIRE(read->files[0].references.size() == 1);
  CHECK(read->files[0].references[0].location.str() == "bundle/infrastructure/main.tf:2:16");
  CHECK_FALSE(read->files[0].protonGenerated);
  CHECK(read->files[1].protonGenerated);
  CHECK_FALSE(read->files[2].protonGenerated);
  REQUIRE(read->files[2].declarations.size() == 1);
  CHECK(read->files[2].declarations[0].name == "proton_tags");
  CHECK(read->protonValueFiles ==
        std::vector<std::string>{"infrastructure/proton.auto.tfvars.json"});
}

TEST_CASE("hcl: a file with nothing but Proton variable declarations counts as generated") {
  Bundle bundle = bundleOf({{"infrastructure/vars.tf", "variable \"service\" {}\n"
                                                       "variable \"service_instance\" {}\n"}});
  ir::Diagnostics diagnostics;
  std::optional<TerraformPart> read = frontend::hcl::readTerraformPart(
      bundle, infrastructurePart({"infrastructure/vars.tf"}), diagnostics);
  REQUIRE(read.has_value());
  CHECK(read->files[0].protonGenerated);
}

TEST_CASE("hcl: every malformed file of a part is reported, and nothing is returned") {
  Bundle bundle = bundleOf({{"infrastructure/a.tf", "a = [\n"},
                            {"infrastructure/b.tf", "b = 1\n"},
                            {"infrastructure/c.tf", "c = = 2\n"}});
  ir::Diagnostics diagnostics;
  std::optional<TerraformPart> read = frontend::hcl::readTerraformPart(
      bundle,
      infrastructurePart({"infrastructure/a.tf", "infrastructure/b.tf", "infrastructure/c.tf"}),
      diagnostics);
  CHECK_FALSE(read.has_value());
  REQUIRE(diagnostics.all().size() == 2);
  CHECK(diagnostics.all()[0].location.file == "bundle/infrastructure/a.tf");
  CHECK(diagnostics.all()[1].location.str() == "bundle/infrastructure/c.tf:1:5");
}

TEST_CASE("hcl: a missing Terraform file is a located read error") {
  Bundle bundle = bundleOf({});
  ir::Diagnostics diagnostics;
  CHECK_FALSE(frontend::hcl::readTerraformPart(
      bundle, infrastructurePart({"infrastructure/gone.tf"}), diagnostics));
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].ruleId == "PRS011");
}

TEST_CASE("hcl: a corpus Terraform service bundle reads through the bundle reader") {
  std::filesystem::path root = std::filesystem::path(PM_SOURCE_DIR) / ".." / "shared" / "corpus" /
                               "aws-samples__aws-proton-terraform-sample-templates" /
                               "service-templates" / "apigw-lambda-svc" / "v1";
  if (!std::filesystem::is_directory(root)) {
    MESSAGE("skipped: no corpus bundle at " << root.string());
    return;
  }
  ir::Diagnostics diagnostics;
  std::optional<Bundle> bundle = frontend::readBundle(root.string(), diagnostics);
  REQUIRE(bundle.has_value());
  const BundlePart* instance = bundle->part(frontend::PartRole::Instance);
  REQUIRE(instance != nullptr);
  std::optional<TerraformPart> read =
      frontend::hcl::readTerraformPart(*bundle, *instance, diagnostics);
  std::ostringstream printed;
  diagnostics.print(printed);
  REQUIRE_MESSAGE(read.has_value(), printed.str());
  CHECK(read->files.size() == 4);
  std::size_t inputs = 0;
  for (const frontend::hcl::TerraformFile& file : read->files)
    for (const frontend::hcl::ProtonReference& reference : file.references)
      inputs += reference.kind == frontend::hcl::ProtonReferenceKind::Input ? 1 : 0;
  CHECK(inputs > 0);
}
