// The servicecatalog target: a Service Catalog portfolio (portfolio.yaml) with one product per
// Proton template part and one provisioning artifact per template version, the product
// templates in plain CloudFormation, an upload script and a README.
#pragma once

#include "backends/backend.h"
#include "backends/servicecatalog/catalog_layout.h"
#include "backends/servicecatalog/service_catalog_options.h"
#include "backends/terraform/native_module_writer.h"

#include <memory>
#include <vector>

namespace pm::backends {

std::unique_ptr<Backend> makeServiceCatalogBackend();
std::unique_ptr<Backend> makeServiceCatalogBackend(const sc::ServiceCatalogOptions& options);

// `model` as the catalog takes it: loops Fn::ForEach cannot write (over the pipeline's list of
// instances) expanded per deployment (MIG008). Backend::emit does this before emitting.
ConversionModel withCatalogLoopsExpanded(const ConversionModel& model,
                                         ir::Diagnostics& diagnostics);

// One portfolio for several bundles, as withCatalogLoopsExpanded gives them: modules of the same
// name in different bundles (template versions) become one product with an artifact per version.
// Backend::emit is this with one model. A bundle with its own Terraform gives Terraform products.
void emitServiceCatalog(const std::vector<sc::CatalogBundle>& bundles,
                        const sc::ServiceCatalogOptions& options, OutputTree& output,
                        ir::Diagnostics& diagnostics);
void emitServiceCatalog(const std::vector<const ConversionModel*>& models,
                        const sc::ServiceCatalogOptions& options, OutputTree& output,
                        ir::Diagnostics& diagnostics);

} // namespace pm::backends
