// How the servicecatalog target writes its templates.
#pragma once

#include "backends/servicecatalog/cloudformation_writer.h"

namespace pm::backends::sc {

struct ServiceCatalogOptions {
  IntrinsicForm intrinsicForm = IntrinsicForm::Short;
  // Environment outputs read by a service: Fn::ImportValue of the exports the environment
  // product adds ("<environment stack>-<output>") instead of one parameter per output.
  bool importEnvironmentOutputs = false;
};

} // namespace pm::backends::sc
