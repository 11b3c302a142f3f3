// The batch job's memo of read bundles and built models.
#include "tools/proton-migrate/model_cache.h"

namespace pm::driver {

const ModelBuild& ModelCache::get(const std::string& key, const ir::Diagnostics& reported,
                                  const std::function<void(ModelBuild&)>& build) {
  auto found = builds_.find(key);
  if (found != builds_.end() && found->second.firstReported == reported.all().size())
    return found->second;
  ModelBuild made;
  made.diagnostics = reported;
  made.firstReported = reported.all().size();
  build(made);
  return builds_.insert_or_assign(key, std::move(made)).first->second;
}

std::optional<frontend::Bundle> ModelCache::readBundle(const std::string& path,
                                                       ir::Diagnostics& diagnostics) {
  auto found = bundles_.find(path);
  if (found == bundles_.end()) {
    BundleRead read;
    read.bundle = frontend::readBundle(path, read.diagnostics);
    found = bundles_.emplace(path, std::move(read)).first;
  }
  diagnostics.append(found->second.diagnostics);
  return found->second.bundle;
}

} // namespace pm::driver
