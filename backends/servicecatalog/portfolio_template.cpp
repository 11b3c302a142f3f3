// The portfolio template. Resource properties follow the AWS::ServiceCatalog::* resource
// reference (docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/AWS_ServiceCatalog.html).
#include "backends/servicecatalog/portfolio_template.h"

#include "backends/servicecatalog/name_registry.h"
#include "backends/servicecatalog/template_document.h"

#include <array>

namespace pm::backends::sc {

namespace {

using ir::ExprPtr;
using Names = PortfolioNames;

// The tags every provisioned product carries, so stacks stay traceable to the Proton template
// they came from. The value "{product}" stands for the product's name.
struct MandatoryTag {
  std::string_view key;
  std::string_view value;
};
constexpr std::array<MandatoryTag, 2> kMandatoryTags{{
    {"proton:template", "{product}"},
    {"migrated-from", "aws-proton"},
}};

ExprPtr parameter(std::string description, ExprPtr defaultValue, std::string pattern) {
  return MapBuilder()
      .add("Type", text("String"))
      .add("Description", text(std::move(description)))
      .add("Default", std::move(defaultValue))
      .add("AllowedPattern", pattern.empty() ? nullptr : text(std::move(pattern)))
      .build();
}

ExprPtr parametersSection(const CatalogLayout& layout) {
  return MapBuilder()
      .add(Names::kBucketParameter,
           parameter("S3 bucket holding the product templates (upload.sh copies them there)",
                     nullptr, "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"))
      .add(Names::kPrefixParameter, parameter("Key prefix of the product templates in the bucket",
                                              text(layout.portfolioName + "/"), ""))
      .add(Names::kLaunchRoleParameter,
           parameter("ARN of the IAM role Service Catalog assumes to provision the products",
                     nullptr, "^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$"))
      .add(Names::kProviderParameter,
           parameter("Provider shown for the portfolio", text("Platform team"), ""))
      .build();
}

ExprPtr artifactUrl(const ProvisioningArtifact& artifact) {
  return fnSub(std::string("https://${") + Names::kBucketParameter +
               "}.s3.${AWS::Region}.${AWS::URLSuffix}/${" + Names::kPrefixParameter + "}" +
               artifact.templatePath);
}

// A Terraform product's artifacts are modules packed as .tar.gz; Service Catalog provisions them
// through the Terraform engine installed in the account (docs.aws.amazon.com/servicecatalog/
// latest/adminguide/getting-started-Terraform.html). AWS has since introduced EXTERNAL for the
// same engine; TERRAFORM_OPEN_SOURCE is the type the issue and existing engines accept.
std::string artifactType(const ProvisioningArtifact& artifact) {
  return artifact.terraform ? "TERRAFORM_OPEN_SOURCE" : "CLOUD_FORMATION_TEMPLATE";
}

ExprPtr artifactsOf(const CatalogProduct& product) {
  std::vector<ExprPtr> artifacts;
  for (std::size_t i = 0; i < product.artifacts.size(); ++i) {
    const ProvisioningArtifact& artifact = product.artifacts[i];
    bool newest = i + 1 == product.artifacts.size();
    std::string description =
        "Proton template version " + artifact.version + (newest ? " (default: newest)" : "");
    artifacts.push_back(
        MapBuilder()
            .add("Name", text("v" + artifact.version))
            .add("Description", text(description))
            .add("Type", text(artifactType(artifact)))
            .add("Info", MapBuilder().add("LoadTemplateFromURL", artifactUrl(artifact)).build())
            .build());
  }
  return items(std::move(artifacts));
}

ExprPtr productResource(const CatalogProduct& product) {
  std::string kind(ir::moduleKindName(product.kind));
  return MapBuilder()
      .add("Type", text("AWS::ServiceCatalog::CloudFormationProduct"))
      .add("Properties",
           MapBuilder()
               .add("Name", text(product.name))
               .add("Owner", ref(Names::kProviderParameter))
               .add("Description", text("Proton " + kind + " template " + product.name))
               .add("ProductType", product.artifacts.back().terraform
                                       ? text(artifactType(product.artifacts.back()))
                                       : nullptr)
               .add("ProvisioningArtifactParameters", artifactsOf(product))
               .build())
      .build();
}

ExprPtr associationResource(const std::string& productId) {
  return MapBuilder()
      .add("Type", text("AWS::ServiceCatalog::PortfolioProductAssociation"))
      .add("Properties", MapBuilder()
                             .add("PortfolioId", ref(Names::kPortfolio))
                             .add("ProductId", ref(productId))
                             .build())
      .build();
}

// Service Catalog accepts a launch constraint only once the product is in the portfolio.
ExprPtr launchRoleResource(const std::string& productId, const std::string& association) {
  return MapBuilder()
      .add("Type", text("AWS::ServiceCatalog::LaunchRoleConstraint"))
      .add("DependsOn", text(association))
      .add("Properties", MapBuilder()
                             .add("PortfolioId", ref(Names::kPortfolio))
                             .add("ProductId", ref(productId))
                             .add("RoleArn", ref(Names::kLaunchRoleParameter))
                             .add("Description", text("Provision with the launch role"))
                             .build())
      .build();
}

void addTagOptions(const CatalogLayout& layout, MapBuilder& resources, NameRegistry& names) {
  std::vector<std::pair<std::string, std::string>> tags;
  for (const MandatoryTag& tag : kMandatoryTags) {
    if (tag.value != "{product}") {
      tags.emplace_back(tag.key, tag.value);
      continue;
    }
    for (const CatalogProduct& product : layout.products)
      tags.emplace_back(tag.key, product.name);
  }
  for (const auto& [key, value] : tags) {
    std::string option = names.claim(pascalName(key + " " + value) + "TagOption");
    resources.add(
        option,
        MapBuilder()
            .add("Type", text("AWS::ServiceCatalog::TagOption"))
            .add("Properties", MapBuilder().add("Key", text(key)).add("Value", text(value)).build())
            .build());
    resources.add(names.claim(option + "Association"),
                  MapBuilder()
                      .add("Type", text("AWS::ServiceCatalog::TagOptionAssociation"))
                      .add("Properties", MapBuilder()
                                             .add("ResourceId", ref(Names::kPortfolio))
                                             .add("TagOptionId", ref(option))
                                             .build())
                      .build());
  }
}

ExprPtr outputsSection(const CatalogLayout& layout, const std::vector<std::string>& ids) {
  MapBuilder outputs;
  outputs.add("PortfolioId", MapBuilder().add("Value", ref(Names::kPortfolio)).build());
  for (std::size_t i = 0; i < ids.size(); ++i)
    outputs.add(ids[i] + "Id", MapBuilder()
                                   .add("Description", text("Product " + layout.products[i].name))
                                   .add("Value", ref(ids[i]))
                                   .build());
  return outputs.build();
}

} // namespace

std::string productLogicalId(const CatalogProduct& product) {
  return pascalName(product.name) + "Product";
}

ExprPtr buildPortfolioTemplate(const CatalogLayout& layout) {
  NameRegistry names;
  names.reserve(Names::kPortfolio);
  MapBuilder resources;
  resources.add(
      Names::kPortfolio,
      MapBuilder()
          .add("Type", text("AWS::ServiceCatalog::Portfolio"))
          .add("Properties", MapBuilder()
                                 .add("DisplayName", text(layout.portfolioName))
                                 .add("ProviderName", ref(Names::kProviderParameter))
                                 .add("Description", text("Templates migrated from AWS Proton"))
                                 .build())
          .build());
  std::vector<std::string> ids;
  for (const CatalogProduct& product : layout.products) {
    std::string id = names.claim(productLogicalId(product));
    ids.push_back(id);
    std::string association = names.claim(id + "Association");
    resources.add(id, productResource(product));
    resources.add(association, associationResource(id));
    resources.add(names.claim(id + "LaunchRole"), launchRoleResource(id, association));
  }
  addTagOptions(layout, resources, names);
  return MapBuilder()
      .add("AWSTemplateFormatVersion", text("2010-09-09"))
      .add("Description",
           text("Service Catalog portfolio for the Proton templates of " + layout.portfolioName))
      .add("Parameters", parametersSection(layout))
      .add("Resources", resources.build())
      .add("Outputs", outputsSection(layout, ids))
      .build();
}

} // namespace pm::backends::sc
