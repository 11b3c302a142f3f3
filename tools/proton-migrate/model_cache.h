// Bundles already read and models already built by a batch job. A job converts one bundle to every
// target asked for, and a bundle's model does not depend on the target (the backends only read it),
// so reading the bundle's templates, which is most of a conversion's time, is done once per bundle
// instead of once per target.
#pragma once

#include "backends/conversion_model.h"
#include "backends/terraform/native_module_writer.h"
#include "frontend/bundle/bundle.h"
#include "ir/diagnostics.h"
#include "tools/proton-migrate/output_marker.h"

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace pm::driver {

// What building a bundle's model gave: the model (nothing when it could not be built), the
// files of its Terraform parts, and the diagnostics the build reported, which are
// `diagnostics.all()` from `firstReported` on (the ones before were there when it started).
struct ModelBuild {
  std::optional<backends::ConversionModel> model;
  tf::NativeSources terraform;
  ir::Diagnostics diagnostics;
  std::size_t firstReported = 0;
};

// Not thread-safe: one per job.
class ModelCache {
public:
  // The build for `key`, made by `build` the first time. `build` starts from a copy of
  // `reported`, the diagnostics the caller holds, so a build that checks what is already
  // reported behaves as it would without the cache. A later call reuses the build only when
  // the caller holds as many diagnostics as the first did (the same bundle read the same way).
  const ModelBuild& get(const std::string& key, const ir::Diagnostics& reported,
                        const std::function<void(ModelBuild&)>& build);

  // The bundle at `path`, read from disk the first time only; what reading it reported goes
  // into `diagnostics` every time, as a fresh read would report it.
  std::optional<frontend::Bundle> readBundle(const std::string& path, ir::Diagnostics& diagnostics);

  // The input files' hashes for the outputs' markers (output_marker.h).
  InputHashes inputHashes;

private:
  struct BundleRead {
    std::optional<frontend::Bundle> bundle;
    ir::Diagnostics diagnostics;
  };

  std::map<std::string, ModelBuild> builds_;
  std::map<std::string, BundleRead> bundles_;
};

} // namespace pm::driver
