// The servicecatalog target: Service Catalog portfolio and products.
#pragma once

#include "backends/backend.h"

#include <memory>

namespace pm::backends {

// nullptr while the backend is not built yet.
std::unique_ptr<Backend> makeServiceCatalogBackend();

} // namespace pm::backends
