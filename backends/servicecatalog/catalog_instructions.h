// The hand-over files next to portfolio.yaml: upload.sh (copies the artifacts to S3 and deploys
// the portfolio) and README.md (what was generated, how to deploy it, the provisioning
// parameters of each Proton deployment and, in rendered mode, how to adopt deployed stacks).
#pragma once

#include "backends/servicecatalog/catalog_layout.h"

#include <map>
#include <string>

namespace pm::backends::sc {

// Parameter names of each artifact's template by reference key, by template path.
using ArtifactParameters = std::map<std::string, std::map<std::string, std::string>>;

std::string uploadScript(const CatalogLayout& layout);
std::string catalogReadme(const CatalogLayout& layout, const ArtifactParameters& parameters);

} // namespace pm::backends::sc
