// Finding every bundle below a folder: template-sync repos (<template>/vN/), the 2021 sample
// layout (<sample>/environment/, <sample>/service/), loose bundles, components, and archives.
#pragma once

#include <string>
#include <vector>

namespace pm::frontend {

// Paths of the bundles under `root` (joined onto `root` as given), sorted, so a run never
// depends on file-system order. Symbolic links are not followed; hidden folders and
// node_modules are skipped.
std::vector<std::string> discoverBundles(const std::string& root);

} // namespace pm::frontend
