// What a batch run found for each bundle and target: the data every batch report format
// (JSON, Markdown, HTML) writes, and what `report merge` reads back from JSON.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace pm::backends::report {

// One bundle converted to one target.
struct BundleOutcome {
  std::string path;   // the bundle's path relative to the batch root ("." for the root itself)
  std::string name;   // the template name, empty when the bundle could not be read
  std::string target; // terraform, cdk or servicecatalog
  // converted, failed, unchanged (--incremental), refused (a folder not ours), carried-over
  // (a CodeBuild bundle: its commands are packaged, not converted); with --check, up-to-date or
  // stale
  std::string status;
  std::string outputFolder; // relative to the batch output folder
  // Resources by how the target carries them: curated, awscc, unmapped (terraform), l1,
  // generic (cdk), kept (servicecatalog), pass-through (bundles written in Terraform).
  std::map<std::string, int> resourcesByKind;
  std::map<std::string, int> findingsByRule;     // rule id -> count
  std::map<std::string, int> findingsBySeverity; // error, warning, info, note -> count
  std::vector<std::string> messages;             // the diagnostics, one line each
  double seconds = 0;                            // wall time of the conversion
};

struct BatchSummary {
  std::string root;
  std::vector<std::string> targets;
  std::string shard;                   // "i/N", empty when the run was not sharded
  std::vector<BundleOutcome> outcomes; // sorted by path, then target
  double seconds = 0;                  // wall time of the run

  // Outcomes of shards merged: sorted again, wall times summed.
  static BatchSummary merge(const std::vector<BatchSummary>& shards);
  int count(const std::string& status) const;
  std::map<std::string, int> statusCounts() const;
  std::map<std::string, int> resourcesByKind() const;
  std::map<std::string, int> findingsByRule() const;
};

} // namespace pm::backends::report
