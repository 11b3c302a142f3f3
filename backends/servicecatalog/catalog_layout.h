// What the servicecatalog target writes for one or more bundles: a product per Proton template
// part, a provisioning artifact per template version, and where each artifact's template goes.
#pragma once

#include "backends/conversion_model.h"
#include "backends/terraform/native_module_writer.h"

#include <string>
#include <vector>

namespace pm::backends::sc {

// One bundle of the catalog; a Terraform-based bundle (rendering_engine: hcl) brings its own
// Terraform files, and its products are Terraform products.
struct CatalogBundle {
  const ConversionModel* model = nullptr;
  const tf::NativeSources* terraform = nullptr;
};

struct ProvisioningArtifact {
  std::string version;      // "1", "2.1": the Proton template version
  std::string templatePath; // relative path of the artifact's template or archive in the output
  const ir::Module* module = nullptr;
  const ConversionModel* model = nullptr;
  // Set for a Terraform product: the artifact is the module packed as .tar.gz.
  const tf::NativeSources* terraform = nullptr;
};

struct CatalogProduct {
  std::string name; // the module name: "api-svc-instance"
  ir::ModuleKind kind = ir::ModuleKind::Template;
  std::vector<ProvisioningArtifact> artifacts; // oldest first; the last is the default
};

// The portfolio of bundles of several templates (a template repo).
inline constexpr const char* kSharedPortfolioName = "proton-templates";

struct CatalogLayout {
  std::string portfolioName;
  std::vector<CatalogProduct> products; // in order of first appearance
};

// Groups the modules of `models` (the versions of one or more templates) into products:
// modules with the same name are versions of one product.
CatalogLayout catalogLayout(const std::vector<CatalogBundle>& bundles);

// "1.10" after "1.9": versions compare number by number.
bool versionLess(const std::string& left, const std::string& right);

} // namespace pm::backends::sc
