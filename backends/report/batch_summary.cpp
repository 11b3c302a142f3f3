// Totals and merging of batch outcomes.
#include "backends/report/batch_summary.h"

#include <algorithm>
#include <tuple>

namespace pm::backends::report {

namespace {

void addCounts(std::map<std::string, int>& total, const std::map<std::string, int>& counts) {
  for (const auto& [key, count] : counts)
    total[key] += count;
}

} // namespace

BatchSummary BatchSummary::merge(const std::vector<BatchSummary>& shards) {
  BatchSummary merged;
  for (const BatchSummary& shard : shards) {
    if (merged.root.empty())
      merged.root = shard.root;
    for (const std::string& target : shard.targets)
      if (std::find(merged.targets.begin(), merged.targets.end(), target) == merged.targets.end())
        merged.targets.push_back(target);
    merged.outcomes.insert(merged.outcomes.end(), shard.outcomes.begin(), shard.outcomes.end());
    merged.seconds += shard.seconds;
  }
  std::stable_sort(merged.outcomes.begin(), merged.outcomes.end(),
                   [](const BundleOutcome& a, const BundleOutcome& b) {
                     return std::tie(a.path, a.target) < std::tie(b.path, b.target);
                   });
  return merged;
}

int BatchSummary::count(const std::string& status) const {
  return static_cast<int>(
      std::count_if(outcomes.begin(), outcomes.end(),
                    [&](const BundleOutcome& o) { return o.status == status; }));
}

std::map<std::string, int> BatchSummary::statusCounts() const {
  std::map<std::string, int> counts;
  for (const BundleOutcome& outcome : outcomes)
    ++counts[outcome.status];
  return counts;
}

std::map<std::string, int> BatchSummary::resourcesByKind() const {
  std::map<std::string, int> total;
  for (const BundleOutcome& outcome : outcomes)
    addCounts(total, outcome.resourcesByKind);
  return total;
}

std::map<std::string, int> BatchSummary::findingsByRule() const {
  std::map<std::string, int> total;
  for (const BundleOutcome& outcome : outcomes)
    addCounts(total, outcome.findingsByRule);
  return total;
}

} // namespace pm::backends::report
