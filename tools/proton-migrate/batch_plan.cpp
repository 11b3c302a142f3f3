// Discovery, sharding and output folder names of a batch run.
#include "tools/proton-migrate/batch_plan.h"

#include "frontend/bundle/bundle_discovery.h"

#include <filesystem>
#include <regex>

namespace pm::driver {

namespace fs = std::filesystem;

namespace {

std::string relativeTo(const std::string& path, const std::string& root) {
  std::string relative = fs::path(path).lexically_relative(fs::path(root)).generic_string();
  return relative.empty() ? "." : relative;
}

// The root itself is the bundle: its folder takes the bundle folder's name.
std::string folderName(const std::string& relative, const std::string& bundlePath) {
  if (relative != ".")
    return relative;
  std::string name = fs::absolute(bundlePath).lexically_normal().filename().string();
  return name.empty() ? "bundle" : name;
}

} // namespace

std::optional<Shard> parseShard(const std::string& text) {
  static const std::regex kShard(R"(([1-9][0-9]{0,5})/([1-9][0-9]{0,5}))");
  std::smatch match;
  if (!std::regex_match(text, match, kShard))
    return std::nullopt;
  Shard shard{static_cast<unsigned>(std::stoul(match[1])),
              static_cast<unsigned>(std::stoul(match[2]))};
  if (shard.index > shard.count)
    return std::nullopt;
  return shard;
}

std::vector<BatchItem> planBatch(const std::string& root, const std::vector<std::string>& targets,
                                 const Shard& shard) {
  std::vector<std::string> bundles = frontend::discoverBundles(root);
  std::vector<BatchItem> items;
  for (std::size_t k = 0; k < bundles.size(); ++k) {
    if (k % shard.count != shard.index - 1)
      continue;
    std::string relative = relativeTo(bundles[k], root);
    for (const std::string& target : targets)
      items.push_back(
          {bundles[k], relative, target, target + "/" + folderName(relative, bundles[k])});
  }
  return items;
}

} // namespace pm::driver
