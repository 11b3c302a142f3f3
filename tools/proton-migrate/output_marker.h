// The marker file of a generated folder: which tool version made it, for which target and
// mode, from which inputs (a content hash of every input file). A folder without one is not
// ours, so convert and batch refuse to replace it unless --force; a folder whose marker equals
// the one a run would write is up to date (--incremental skips it).
#pragma once

#include "tools/proton-migrate/command.h"

#include <map>
#include <string>
#include <string_view>

namespace pm::driver {

inline constexpr std::string_view kMarkerFile = ".proton-migrate.json";

// --force and --incremental.
void declareOutputFolderOptions(po::options_description& options);

// The marker a conversion with these options (those of `convert`) writes: every input file
// named by PATH, --spec, --env-outputs, --component-outputs and --stack-dump hashed, the other
// options recorded as given (not -o, --force, --incremental).
// `hashed`, when given, keeps the hashes of each input path read, so a batch job that marks
// one bundle's outputs for several targets reads and hashes its files once. The inputs are
// hashed on `threads` threads.
using InputHashes = std::map<std::string, std::map<std::string, std::string>>;
std::string markerText(const po::variables_map& values, InputHashes* hashed = nullptr,
                       unsigned threads = 1);

enum class OutputDecision {
  Write,    // absent, empty, or ours
  UpToDate, // --incremental and the marker equals the one this run writes
  Refuse,   // holds files but no marker, and no --force
};

OutputDecision decideOutput(const std::string& directory, const std::string& marker,
                            const po::variables_map& values);

// The message for a refused folder.
std::string refusalMessage(const std::string& directory);

} // namespace pm::driver
