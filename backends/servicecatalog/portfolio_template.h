// portfolio.yaml: the CloudFormation template that creates the Service Catalog portfolio, one
// CloudFormationProduct per product with its provisioning artifacts, the portfolio-product
// associations, a launch role constraint per product and the TagOptions of the mandatory tags.
// Artifact template URLs are built from bucket and prefix parameters.
#pragma once

#include "backends/servicecatalog/catalog_layout.h"
#include "ir/expr.h"

#include <string>

namespace pm::backends::sc {

// Logical IDs of the portfolio template, shared with the README and the upload script.
struct PortfolioNames {
  static constexpr const char* kBucketParameter = "ArtifactBucket";
  static constexpr const char* kPrefixParameter = "ArtifactPrefix";
  static constexpr const char* kLaunchRoleParameter = "LaunchRoleArn";
  static constexpr const char* kProviderParameter = "ProviderName";
  static constexpr const char* kPortfolio = "Portfolio";
};

// The logical ID of a product's CloudFormationProduct resource ("ApiSvcInstanceProduct").
std::string productLogicalId(const CatalogProduct& product);

ir::ExprPtr buildPortfolioTemplate(const CatalogLayout& layout);

} // namespace pm::backends::sc
