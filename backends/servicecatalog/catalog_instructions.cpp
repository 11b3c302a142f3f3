// Text of upload.sh and README.md.
#include "backends/servicecatalog/catalog_instructions.h"

#include "backends/servicecatalog/portfolio_template.h"

namespace pm::backends::sc {

namespace {

using Names = PortfolioNames;

// A word for a POSIX shell, single-quoted.
std::string shellWord(const std::string& text) {
  std::string out = "'";
  for (char c : text)
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string productTable(const CatalogLayout& layout) {
  std::string out = "| product | Proton part | artifacts (the last is the default) |\n"
                    "| --- | --- | --- |\n";
  for (const CatalogProduct& product : layout.products) {
    std::string artifacts;
    for (const ProvisioningArtifact& artifact : product.artifacts)
      artifacts += (artifacts.empty() ? "" : ", ") +
                   ("`v" + artifact.version + "` (`" + artifact.templatePath + "`)");
    out += "| `" + product.name + "` | " + std::string(ir::moduleKindName(product.kind)) + " | " +
           artifacts + " |\n";
  }
  return out;
}

// provision-product parameters of one deployment: each spec value, context value and
// environment output under the parameter that stands for it.
std::string provisioningParameters(const Deployment& deployment,
                                   const std::map<std::string, std::string>& names) {
  std::string out;
  auto add = [&](const std::string& key, const ir::BoundValue& value) {
    auto found = names.find(key);
    if (found != names.end())
      out += " Key=" + found->second + ",Value=" + shellWord(value.text);
  };
  for (const auto& [name, value] : deployment.values.inputs)
    add("input:" + name, value);
  for (const auto& [path, value] : deployment.values.context)
    add("context:" + path, value);
  for (const auto& [output, value] : deployment.values.upstreamOutputs)
    add("output:" + output, value);
  return out;
}

std::string deploymentsSection(const CatalogLayout& layout, const ArtifactParameters& parameters) {
  std::string out;
  for (const CatalogProduct& product : layout.products) {
    const ProvisioningArtifact& artifact = product.artifacts.back();
    auto names = parameters.find(artifact.templatePath);
    for (const Deployment& deployment : artifact.model->deployments) {
      if (deployment.module != product.name)
        continue;
      std::string provisioned = deployment.name.empty() ? product.name : deployment.name;
      out += "\n`" + provisioned + "` (" + product.name + "):\n\n```sh\n";
      out += "aws servicecatalog provision-product --product-name " + shellWord(product.name) +
             " --provisioning-artifact-name v" + artifact.version + " --provisioned-product-name " +
             shellWord(provisioned);
      if (names != parameters.end())
        if (std::string list = provisioningParameters(deployment, names->second); !list.empty())
          out += " \\\n  --provisioning-parameters" + list;
      out += "\n```\n";
      if (artifact.model->mode == ConversionMode::Rendered) {
        // The API takes the stack's ARN (its stack ID), not its name.
        std::string stack = deployment.deployed && !deployment.deployed->stackId.empty()
                                ? deployment.deployed->stackId
                                : "<ARN of stack " +
                                      (deployment.stackName.empty() ? std::string("<name>")
                                                                    : deployment.stackName) +
                                      ">";
        out += "\nAdopt the deployed stack instead (the artifact is its rendered template):\n\n"
               "```sh\naws servicecatalog import-as-provisioned-product --product-id <" +
               productLogicalId(product) + "Id output> --provisioning-artifact-id <id of v" +
               artifact.version + "> --provisioned-product-name " + shellWord(provisioned) +
               " --physical-id " + shellWord(stack) + " --idempotency-token " +
               shellWord(provisioned) + "\n```\n";
      }
    }
  }
  return out.empty() ? "\nThe spec describes no deployment.\n" : out;
}

bool hasTerraformProducts(const CatalogLayout& layout) {
  for (const CatalogProduct& product : layout.products)
    for (const ProvisioningArtifact& artifact : product.artifacts)
      if (artifact.terraform)
        return true;
  return false;
}

} // namespace

std::string uploadScript(const CatalogLayout& layout) {
  std::string out =
      "#!/bin/sh\n"
      "# Copies the product templates to S3, then deploys the portfolio.\n"
      "# Needs ARTIFACT_BUCKET and LAUNCH_ROLE_ARN; ARTIFACT_PREFIX and "
      "PORTFOLIO_STACK are optional.\n"
      "set -eu\n"
      ": \"${ARTIFACT_BUCKET:?set ARTIFACT_BUCKET to the bucket for the templates}\"\n"
      ": \"${LAUNCH_ROLE_ARN:?set LAUNCH_ROLE_ARN to the launch role's ARN}\"\n";
  out += "prefix=\"${ARTIFACT_PREFIX:-" + layout.portfolioName + "/}\"\n";
  out += "stack=\"${PORTFOLIO_STACK:-" + layout.portfolioName + "-portfolio}\"\n";
  out += "cd \"$(dirname \"$0\")\"\n";
  for (const CatalogProduct& product : layout.products)
    for (const ProvisioningArtifact& artifact : product.artifacts)
      out += "aws s3 cp " + shellWord(artifact.templatePath) +
             " \"s3://$ARTIFACT_BUCKET/$prefix\"" + shellWord(artifact.templatePath) + "\n";
  out += "aws cloudformation deploy --template-file portfolio.yaml --stack-name \"$stack\" \\\n"
         "  --parameter-overrides " +
         std::string(Names::kBucketParameter) + "=\"$ARTIFACT_BUCKET\" " + Names::kPrefixParameter +
         "=\"$prefix\" " + Names::kLaunchRoleParameter + "=\"$LAUNCH_ROLE_ARN\"\n";
  return out;
}

std::string catalogReadme(const CatalogLayout& layout, const ArtifactParameters& parameters) {
  std::string out = "# Service Catalog portfolio: " + layout.portfolioName + "\n\n";
  out += "Generated from the AWS Proton templates of `" + layout.portfolioName +
         "`. Each Proton template part is a product; each template version is a provisioning "
         "artifact of it.\n\n";
  out += productTable(layout);
  out += "\n## Files\n\n"
         "- `portfolio.yaml`: the portfolio, the products with their artifacts, the "
         "portfolio-product associations, a launch role constraint per product and the "
         "TagOptions of the mandatory tags.\n"
         "- `products/<product>/v<version>/template.yaml`: the CloudFormation template of each "
         "artifact. Schema inputs are parameters with the schema's constraints; Proton context "
         "values and environment outputs are parameters too.\n";
  if (hasTerraformProducts(layout))
    out += "- `products/<product>/v<version>/module.tar.gz`: the Terraform module of each "
           "artifact of a Terraform product (the terraform target's module, its files at the "
           "archive root); Service Catalog provisions it through the Terraform engine installed "
           "in the account.\n";
  out += "- `upload.sh`: copies the templates to S3 and deploys `portfolio.yaml`.\n";
  out += "\n## Deploy\n\n```sh\nARTIFACT_BUCKET=my-bucket "
         "LAUNCH_ROLE_ARN=arn:aws:iam::123456789012:role/SCLaunchRole sh upload.sh\n```\n\n"
         "The artifact URLs are `https://<" +
         std::string(Names::kBucketParameter) + ">.s3.<region>.amazonaws.com/<" +
         Names::kPrefixParameter +
         "><template path>`. The newest version is the last artifact and its description "
         "says it is the default; CloudFormation has no default flag for artifacts, so mark "
         "older ones with `aws servicecatalog update-provisioning-artifact --guidance "
         "DEPRECATED` when they should no longer be launched.\n";
  out += "\n## Deployments from the spec\n" + deploymentsSection(layout, parameters);
  return out;
}

} // namespace pm::backends::sc
