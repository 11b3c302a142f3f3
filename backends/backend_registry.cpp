// The table of conversion targets.
#include "backends/backend.h"

#include "backends/cdk/cdk_backend.h"
#include "backends/servicecatalog/service_catalog_backend.h"
#include "backends/terraform/terraform_backend.h"

#include <array>

namespace pm::backends {

namespace {

struct BackendEntry {
  std::string_view name;
  std::unique_ptr<Backend> (*make)();
};

const std::array<BackendEntry, 3> kBackends{{
    {"terraform", makeTerraformBackend},
    {"cdk", makeCdkBackend},
    {"servicecatalog", makeServiceCatalogBackend},
}};

} // namespace

std::unique_ptr<Backend> makeBackend(std::string_view target) {
  for (const BackendEntry& entry : kBackends)
    if (entry.name == target)
      return entry.make();
  return nullptr;
}

std::vector<std::string_view> backendNames() {
  std::vector<std::string_view> names;
  for (const BackendEntry& entry : kBackends)
    names.push_back(entry.name);
  return names;
}

} // namespace pm::backends
