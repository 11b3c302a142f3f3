// A module as the CloudFormation template of a Service Catalog product: the schema inputs as
// Parameters with their constraints and console labels, Proton references lowered to those
// parameters, guards as Conditions, loops as Fn::ForEach. In rendered mode the module is the
// rendered template and comes out as it was read.
#pragma once

#include "backends/servicecatalog/service_catalog_options.h"
#include "ir/diagnostics.h"
#include "ir/instantiate.h"
#include "ir/module.h"
#include "ir/passes/assign_identifiers.h"

#include <map>
#include <string>

namespace pm::backends::sc {

struct ProductTemplateRequest {
  const ir::Module& module;
  const ir::Identifiers& identifiers;
  const ServiceCatalogOptions& options;
  // Add an Export to every output ("<stack name>-<output>") so services can import it.
  bool exportOutputs = false;
  // Describe the product's origin when the template has no Description (parametric mode).
  bool describe = true;
  // Defaults of the environment output parameters, by "module.output" (rendered mode).
  const std::map<std::string, ir::BoundValue>* environmentOutputs = nullptr;
};

struct ProductTemplate {
  ir::ExprPtr document; // a Map in CloudFormation section order
  // Parameter names by reference key (ProductParameters::namesByKey).
  std::map<std::string, std::string> parameterNames;
};

ProductTemplate buildProductTemplate(const ProductTemplateRequest& request,
                                     ir::Diagnostics& diagnostics);

} // namespace pm::backends::sc
