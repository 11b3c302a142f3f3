// Grouping modules into products and artifacts.
#include "backends/servicecatalog/catalog_layout.h"

#include <algorithm>
#include <cctype>

namespace pm::backends::sc {

namespace {

std::vector<long> versionNumbers(const std::string& version) {
  std::vector<long> numbers;
  long current = 0;
  bool any = false;
  for (char c : version) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      current = current * 10 + (c - '0');
      any = true;
    } else if (c == '.' && any) {
      numbers.push_back(current);
      current = 0;
      any = false;
    }
  }
  if (any)
    numbers.push_back(current);
  return numbers;
}

std::string versionOf(const ir::Module& module, const ConversionModel& model) {
  if (!module.templateVersion.empty())
    return module.templateVersion;
  return model.templateVersion.empty() ? "1" : model.templateVersion;
}

} // namespace

bool versionLess(const std::string& left, const std::string& right) {
  auto a = versionNumbers(left);
  auto b = versionNumbers(right);
  if (a != b)
    return a < b;
  return left < right;
}

CatalogLayout catalogLayout(const std::vector<CatalogBundle>& bundles) {
  CatalogLayout layout;
  for (const auto& [model, terraform] : bundles) {
    // The versions of one template name the portfolio after it; several templates share one.
    if (layout.portfolioName.empty())
      layout.portfolioName = model->bundleName;
    else if (layout.portfolioName != model->bundleName)
      layout.portfolioName = kSharedPortfolioName;
    for (const ir::Module& module : model->modules.modules()) {
      auto product = std::find_if(layout.products.begin(), layout.products.end(),
                                  [&](const CatalogProduct& p) { return p.name == module.name; });
      if (product == layout.products.end()) {
        layout.products.push_back({module.name, module.kind, {}});
        product = layout.products.end() - 1;
      }
      std::string version = versionOf(module, *model);
      // A bundle may hold Terraform parts beside CloudFormation ones.
      const tf::NativeSources* files =
          terraform && terraform->count(module.name) ? terraform : nullptr;
      std::string path = "products/" + module.name + "/v" + version +
                         (files ? "/module.tar.gz" : "/template.yaml");
      product->artifacts.push_back({version, path, &module, model, files});
    }
  }
  for (CatalogProduct& product : layout.products)
    std::stable_sort(product.artifacts.begin(), product.artifacts.end(),
                     [](const ProvisioningArtifact& a, const ProvisioningArtifact& b) {
                       return versionLess(a.version, b.version);
                     });
  return layout;
}

} // namespace pm::backends::sc
