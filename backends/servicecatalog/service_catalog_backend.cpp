// The servicecatalog target: product templates first (they report what cannot be carried
// over), then the portfolio and the hand-over files that list them.
#include "backends/servicecatalog/service_catalog_backend.h"

#include "backends/loop_fallback.h"
#include "backends/servicecatalog/catalog_instructions.h"
#include "backends/servicecatalog/catalog_layout.h"
#include "backends/servicecatalog/cloudformation_writer.h"
#include "backends/servicecatalog/environment_output_parameters.h"
#include "backends/servicecatalog/lint_suppressions.h"
#include "backends/servicecatalog/portfolio_template.h"
#include "backends/servicecatalog/product_template.h"
#include "backends/servicecatalog/retired_runtimes.h"
#include "backends/servicecatalog/serverless_literals.h"
#include "backends/servicecatalog/terraform_artifacts.h"
#include "ir/passes/repair_yaml_slips.h"

namespace pm::backends {

namespace {

class ServiceCatalogBackend : public Backend {
public:
  explicit ServiceCatalogBackend(sc::ServiceCatalogOptions options) : options_(options) {}
  std::string_view name() const override { return "servicecatalog"; }
  void emit(const ConversionModel& model, OutputTree& output,
            ir::Diagnostics& diagnostics) const override {
    ConversionModel expanded = withCatalogLoopsExpanded(model, diagnostics);
    emitServiceCatalog(std::vector<sc::CatalogBundle>{{&expanded, nullptr}}, options_, output,
                       diagnostics);
  }

private:
  sc::ServiceCatalogOptions options_;
};

} // namespace

std::unique_ptr<Backend> makeServiceCatalogBackend() {
  return makeServiceCatalogBackend(sc::ServiceCatalogOptions{});
}

std::unique_ptr<Backend> makeServiceCatalogBackend(const sc::ServiceCatalogOptions& options) {
  return std::make_unique<ServiceCatalogBackend>(options);
}

namespace {

// CodeBuild parts give no module: there is nothing to make a product of, so the bundle is
// refused rather than given an empty portfolio.
bool hasModules(const std::vector<sc::CatalogBundle>& bundles, ir::Diagnostics& diagnostics) {
  bool any = false;
  for (const sc::CatalogBundle& bundle : bundles) {
    if (!bundle.model->modules.modules().empty()) {
      any = true;
      continue;
    }
    diagnostics.error("PRS013", ir::SourceLocation{bundle.model->bundleName, 0, 0},
                      "bundle '" + bundle.model->bundleName +
                          "' has no CloudFormation or Terraform template part; Service Catalog "
                          "products for CodeBuild parts are not supported");
  }
  return any;
}

// The artifact's module's first deployment: the values a rendered module was rendered with (a
// module of several deployments is parametric), or nullptr.
const Deployment* firstDeployment(const sc::ProvisioningArtifact& artifact) {
  for (const Deployment& deployment : artifact.model->deployments)
    if (deployment.module == artifact.module->name)
      return &deployment;
  return nullptr;
}

// The environment outputs a rendered module was rendered with. None for a deployment a stack
// dump describes: its artifact is to adopt the deployed stack, which holds the values themselves.
const std::map<std::string, ir::BoundValue>*
renderedOutputs(const sc::ProvisioningArtifact& artifact) {
  const Deployment* deployment = firstDeployment(artifact);
  if (artifact.model->mode != ConversionMode::Rendered || !deployment || deployment->deployed)
    return nullptr;
  return &deployment->values.upstreamOutputs;
}

// The module as the product carries it: YAML slips repaired (the product is linted and launched
// as plain CloudFormation), SAM event paths written as values, retired runtimes flagged, rendered
// environment outputs read from parameters.
ir::Module productModule(const sc::ProvisioningArtifact& artifact,
                         const std::map<std::string, ir::BoundValue>* outputs,
                         ir::Diagnostics& diagnostics) {
  ir::Module module =
      outputs ? sc::withEnvironmentOutputsRead(*artifact.module, *outputs) : *artifact.module;
  ir::repairYamlSlips(module, diagnostics);
  static const ir::InputValues kNoValues;
  const Deployment* deployment = firstDeployment(artifact);
  sc::bakeServerlessLiterals(module, deployment ? deployment->values : kNoValues, diagnostics);
  sc::flagRetiredRuntimes(module, diagnostics);
  sc::suppressDefaultHealthCheckPort(module, diagnostics);
  return module;
}

// The template a stack dump gave for the rendered module's deployment, or nullptr.
const std::string* deployedTemplate(const sc::ProvisioningArtifact& artifact) {
  const Deployment* deployment = firstDeployment(artifact);
  if (artifact.model->mode != ConversionMode::Rendered || !deployment || !deployment->deployed ||
      deployment->deployed->templateBody.empty())
    return nullptr;
  return &deployment->deployed->templateBody;
}

// Writes the artifact's template; returns the parameter names of its references. A rendered
// module whose stack a dump describes gets the deployed template byte for byte:
// ImportAsProvisionedProduct adopts a stack only when the artifact is exactly its template.
std::map<std::string, std::string> writeProductTemplate(const sc::ProvisioningArtifact& artifact,
                                                        const sc::ServiceCatalogOptions& options,
                                                        OutputTree& output,
                                                        ir::Diagnostics& diagnostics) {
  if (const std::string* deployed = deployedTemplate(artifact)) {
    output.write(artifact.templatePath, *deployed);
    return {};
  }
  bool parametric = artifact.model->mode == ConversionMode::Parametric;
  const std::map<std::string, ir::BoundValue>* outputs = renderedOutputs(artifact);
  ir::Module module = productModule(artifact, outputs, diagnostics);
  bool exportOutputs =
      options.importEnvironmentOutputs && module.kind == ir::ModuleKind::Environment;
  sc::ProductTemplateRequest request{
      module, artifact.model->passes.identifiers, options, exportOutputs, parametric, outputs};
  sc::ProductTemplate product = sc::buildProductTemplate(request, diagnostics);
  output.write(artifact.templatePath,
               sc::writeCloudFormationYaml(product.document, options.intrinsicForm));
  return std::move(product.parameterNames);
}

// Packs the modules of each Terraform bundle once, then writes each artifact's archive.
void writeTerraformArtifacts(const sc::CatalogLayout& layout, OutputTree& output,
                             ir::Diagnostics& diagnostics) {
  std::map<const ConversionModel*, std::map<std::string, std::string>> archives;
  for (const sc::CatalogProduct& product : layout.products)
    for (const sc::ProvisioningArtifact& artifact : product.artifacts) {
      if (!artifact.terraform)
        continue;
      auto packed = archives.find(artifact.model);
      if (packed == archives.end())
        packed =
            archives
                .emplace(artifact.model,
                         sc::terraformArtifacts(*artifact.model, *artifact.terraform, diagnostics))
                .first;
      auto archive = packed->second.find(artifact.module->name);
      if (archive != packed->second.end())
        output.write(artifact.templatePath, archive->second);
    }
}

} // namespace

ConversionModel withCatalogLoopsExpanded(const ConversionModel& model,
                                         ir::Diagnostics& diagnostics) {
  // Fn::ForEach iterates a list of strings, never the pipeline's list of instances.
  return withUnsupportedLoopsExpanded(model, isInputCollection, "servicecatalog", diagnostics);
}

void emitServiceCatalog(const std::vector<sc::CatalogBundle>& bundles,
                        const sc::ServiceCatalogOptions& options, OutputTree& output,
                        ir::Diagnostics& diagnostics) {
  if (!hasModules(bundles, diagnostics))
    return;
  sc::CatalogLayout layout = sc::catalogLayout(bundles);
  sc::ArtifactParameters parameters;
  for (const sc::CatalogProduct& product : layout.products)
    for (const sc::ProvisioningArtifact& artifact : product.artifacts)
      if (!artifact.terraform)
        parameters[artifact.templatePath] =
            writeProductTemplate(artifact, options, output, diagnostics);
  writeTerraformArtifacts(layout, output, diagnostics);
  output.write("portfolio.yaml", sc::writeCloudFormationYaml(sc::buildPortfolioTemplate(layout),
                                                             options.intrinsicForm));
  output.write("upload.sh", sc::uploadScript(layout));
  output.write("README.md", sc::catalogReadme(layout, parameters));
}

void emitServiceCatalog(const std::vector<const ConversionModel*>& models,
                        const sc::ServiceCatalogOptions& options, OutputTree& output,
                        ir::Diagnostics& diagnostics) {
  std::vector<sc::CatalogBundle> bundles;
  for (const ConversionModel* model : models)
    bundles.push_back({model, nullptr});
  emitServiceCatalog(bundles, options, output, diagnostics);
}

} // namespace pm::backends
