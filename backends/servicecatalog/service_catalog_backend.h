// The servicecatalog target: a Service Catalog portfolio (portfolio.yaml) with one product per
// Proton template part and one provisioning artifact per template version, the product
// templates in plain CloudFormation, an upload script and a README.
#pragma once

#include "backends/backend.h"
#include "backends/servicecatalog/service_catalog_options.h"

#include <memory>
#include <vector>

namespace pm::backends {

std::unique_ptr<Backend> makeServiceCatalogBackend();
std::unique_ptr<Backend> makeServiceCatalogBackend(const sc::ServiceCatalogOptions& options);

// One portfolio for several bundles: modules of the same name in different models (template
// versions) become one product with an artifact per version. Backend::emit is this with one
// model.
void emitServiceCatalog(const std::vector<const ConversionModel*>& models,
                        const sc::ServiceCatalogOptions& options, OutputTree& output,
                        ir::Diagnostics& diagnostics);

} // namespace pm::backends
