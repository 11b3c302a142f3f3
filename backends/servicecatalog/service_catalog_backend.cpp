// The servicecatalog target: product templates first (they report what cannot be carried
// over), then the portfolio and the hand-over files that list them.
#include "backends/servicecatalog/service_catalog_backend.h"

#include "backends/loop_fallback.h"
#include "backends/servicecatalog/catalog_instructions.h"
#include "backends/servicecatalog/catalog_layout.h"
#include "backends/servicecatalog/cloudformation_writer.h"
#include "backends/servicecatalog/portfolio_template.h"
#include "backends/servicecatalog/product_template.h"

namespace pm::backends {

namespace {

class ServiceCatalogBackend : public Backend {
public:
  explicit ServiceCatalogBackend(sc::ServiceCatalogOptions options) : options_(options) {}
  std::string_view name() const override { return "servicecatalog"; }
  void emit(const ConversionModel& model, OutputTree& output,
            ir::Diagnostics& diagnostics) const override {
    // Fn::ForEach iterates a list of strings, never the pipeline's list of instances.
    ConversionModel expanded =
        withUnsupportedLoopsExpanded(model, isInputCollection, name(), diagnostics);
    emitServiceCatalog({&expanded}, options_, output, diagnostics);
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

// Terraform and CodeBuild parts give no module: their products (TERRAFORM_OPEN_SOURCE, packed
// from the Terraform backend's module) are not built yet, so the bundle is refused rather than
// given an empty portfolio.
bool hasModules(const std::vector<const ConversionModel*>& models, ir::Diagnostics& diagnostics) {
  bool any = false;
  for (const ConversionModel* model : models) {
    if (!model->modules.modules().empty()) {
      any = true;
      continue;
    }
    diagnostics.error("PRS013", ir::SourceLocation{model->bundleName, 0, 0},
                      "bundle '" + model->bundleName +
                          "' has no CloudFormation template part; Service Catalog products for "
                          "Terraform and CodeBuild parts are not supported yet");
  }
  return any;
}

} // namespace

void emitServiceCatalog(const std::vector<const ConversionModel*>& models,
                        const sc::ServiceCatalogOptions& options, OutputTree& output,
                        ir::Diagnostics& diagnostics) {
  if (!hasModules(models, diagnostics))
    return;
  sc::CatalogLayout layout = sc::catalogLayout(models);
  sc::ArtifactParameters parameters;
  for (const sc::CatalogProduct& product : layout.products) {
    for (const sc::ProvisioningArtifact& artifact : product.artifacts) {
      bool parametric = artifact.model->mode == ConversionMode::Parametric;
      sc::ProductTemplateRequest request{
          *artifact.module, artifact.model->passes.identifiers, options,
          options.importEnvironmentOutputs && artifact.module->kind == ir::ModuleKind::Environment,
          parametric};
      sc::ProductTemplate product = sc::buildProductTemplate(request, diagnostics);
      output.write(artifact.templatePath,
                   sc::writeCloudFormationYaml(product.document, options.intrinsicForm));
      parameters[artifact.templatePath] = std::move(product.parameterNames);
    }
  }
  output.write("portfolio.yaml", sc::writeCloudFormationYaml(sc::buildPortfolioTemplate(layout),
                                                             options.intrinsicForm));
  output.write("upload.sh", sc::uploadScript(layout));
  output.write("README.md", sc::catalogReadme(layout, parameters));
}

} // namespace pm::backends
