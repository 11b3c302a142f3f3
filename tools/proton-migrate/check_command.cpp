// `proton-migrate check`: is the committed generated code up to date? The bundles are converted
// again in memory, exactly as `convert` with the same options would, and compared file by file
// with the folder; any difference is printed as a unified diff and exits 1.
#include "tools/proton-migrate/commands.h"

#include "ir/secret_masking.h"
#include "tools/proton-migrate/conversion_run.h"
#include "tools/proton-migrate/exit_codes.h"
#include "tools/proton-migrate/output_comparison.h"
#include "tools/proton-migrate/output_marker.h"

#include <ostream>

namespace pm::driver {

namespace {

std::optional<backends::ConversionMode> modeOf(const po::variables_map& values) {
  std::string mode = values.count("mode") ? values["mode"].as<std::string>() : "parametric";
  if (mode == "parametric")
    return backends::ConversionMode::Parametric;
  if (mode == "rendered")
    return backends::ConversionMode::Rendered;
  return std::nullopt;
}

int check(const po::variables_map& values, CommandIo& io) {
  if (!values.count("path") || !values.count("to") || !values.count("output")) {
    io.err << "proton-migrate check: PATH, --to and -o are required\n";
    return kExitUsage;
  }
  auto backend = backends::makeBackend(values["to"].as<std::string>());
  auto mode = modeOf(values);
  if (!backend || !mode) {
    io.err << "proton-migrate check: --to takes terraform, cdk or servicecatalog and --mode "
              "parametric or rendered\n";
    return kExitUsage;
  }
  ir::Diagnostics diagnostics;
  backends::OutputTree output;
  // Findings never stop a bundle here: check compares what convert writes by default.
  LintGate lint{values["to"].as<std::string>(), FailOn{true, ir::Severity::Error}, {}, false};
  convertInto(values, *backend, *mode, lint, output, diagnostics);
  if (diagnostics.hasErrors()) {
    diagnostics.print(io.err);
    return kExitInputError;
  }
  output.write(std::string(kMarkerFile), markerText(values));
  std::string directory = values["output"].as<std::string>();
  std::string diff = staleFilesDiff(output, directory);
  if (diff.empty()) {
    io.err << directory << " is up to date\n";
    return kExitSuccess;
  }
  io.out << ir::maskSecrets(diff);
  io.err << directory << " is stale: convert again with the same options\n";
  return kExitFindings;
}

} // namespace

Command checkCommand() {
  return {"check", "check PATH... --to T -o DIR [the options of convert]",
          "Is the committed generated code up to date? Prints a unified diff and exits 1 if not. "
          "Takes the options the code was converted with.",
          [](po::options_description& options, po::positional_options_description& positional) {
            convertCommand().declare(options, positional);
          },
          check};
}

} // namespace pm::driver
