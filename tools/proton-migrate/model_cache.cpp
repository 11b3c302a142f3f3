// The batch job's memo of built models.
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

} // namespace pm::driver
