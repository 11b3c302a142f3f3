// The servicecatalog target (not built yet).
#include "backends/servicecatalog/service_catalog_backend.h"

namespace pm::backends {

std::unique_ptr<Backend> makeServiceCatalogBackend() {
  return nullptr;
}

} // namespace pm::backends
