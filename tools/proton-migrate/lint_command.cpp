// `proton-migrate lint`: the lint passes over bundles, as text, JSON, SARIF or Markdown.
#include "tools/proton-migrate/commands.h"

#include "ir/secret_masking.h"

#include "tools/proton-migrate/exit_codes.h"
#include "tools/proton-migrate/lint_findings.h"
#include "tools/proton-migrate/output_directory.h"
#include "tools/proton-migrate/template_inputs.h"

#include <ostream>
#include <sstream>

#ifndef PM_VERSION
#define PM_VERSION "0.0.0"
#endif

namespace pm::driver {

namespace {

std::string optionOr(const po::variables_map& values, const char* name, std::string fallback) {
  return values.count(name) ? values[name].as<std::string>() : std::move(fallback);
}

struct LintSettings {
  backends::report::LintFormat format = backends::report::LintFormat::Text;
  FailOn failOn;
  ir::lint::LintOptions options;
};

std::optional<LintSettings> settings(const po::variables_map& values, CommandIo& io) {
  LintSettings settings;
  std::string format = optionOr(values, "format", "text");
  auto chosen = backends::report::lintFormat(format);
  if (!chosen) {
    io.err << "proton-migrate lint: --format takes text, json, sarif or markdown, not '" << format
           << "'\n";
    return std::nullopt;
  }
  settings.format = *chosen;
  std::string failOn = optionOr(values, "fail-on", "error");
  auto threshold = failOnOption(failOn);
  if (!threshold) {
    io.err << "proton-migrate lint: --fail-on takes error, warning or never, not '" << failOn
           << "'\n";
    return std::nullopt;
  }
  settings.failOn = *threshold;
  settings.options.target = optionOr(values, "to", "");
  settings.options.production = values.count("production") && values["production"].as<bool>();
  return settings;
}

// Writes the report to -o FILE, or to standard output.
bool writeReport(const backends::report::LintReport& report, backends::report::LintFormat format,
                 const po::variables_map& values, CommandIo& io) {
  std::ostringstream text;
  backends::report::writeLintReport(report, format, text);
  std::string masked = ir::maskSecrets(text.str());
  if (!values.count("output")) {
    io.out << masked;
    return true;
  }
  std::string path = values["output"].as<std::string>();
  try {
    commitOutputFile(masked, path);
  } catch (const std::exception& error) {
    io.err << "proton-migrate lint: cannot write " << path << ": " << error.what() << "\n";
    return false;
  }
  return true;
}

int lint(const po::variables_map& values, CommandIo& io) {
  if (!values.count("path")) {
    io.err << "proton-migrate lint: PATH is required\n";
    return kExitUsage;
  }
  auto chosen = settings(values, io);
  if (!chosen)
    return kExitUsage;
  auto paths = values["path"].as<std::vector<std::string>>();
  LintOutcome outcome = lintBundles(paths, values, chosen->options);
  std::vector<ir::Diagnostic> others;
  for (const ir::Diagnostic& diagnostic : outcome.diagnostics.all())
    if (!isReportedAsFinding(diagnostic, outcome.diagnostics))
      others.push_back(diagnostic);
  printFindings(others, outcome.diagnostics, io.err);
  if (outcome.inputError)
    return kExitInputError;
  backends::report::LintReport report{outcome.findings, outcome.suppressed, paths,
                                      &outcome.diagnostics, PM_VERSION};
  if (values.count("help-uri-base"))
    report.helpUriBase = values["help-uri-base"].as<std::string>();
  if (!writeReport(report, chosen->format, values, io))
    return kExitInputError;
  return reachesThreshold(outcome.findings, chosen->failOn) ? kExitFindings : kExitSuccess;
}

} // namespace

Command lintCommand() {
  return {
      "lint",
      "lint PATH... [--format text|json|sarif|markdown] [--fail-on error|warning|never] "
      "[--to T] [--production] [--help-uri-base URL] [-o FILE]",
      "Runs the lint passes only (the rules of docs/lint.md) and reports the findings; exits 1 "
      "when a finding reaches --fail-on (default error), 3 on an input error.",
      [](po::options_description& options, po::positional_options_description& positional) {
        // clang-format off
        options.add_options()
            ("path", po::value<std::vector<std::string>>()->value_name("PATH"), "bundles")
            ("format", po::value<std::string>()->value_name("F"), "text (default), json, sarif or markdown")
            ("fail-on", po::value<std::string>()->value_name("L"), "error (default), warning or never")
            ("to", po::value<std::string>()->value_name("T"),
             "the target the code will be converted to (terraform, cdk, servicecatalog): "
             "MIG014 is an error for terraform, info for the others")
            ("production", po::bool_switch(), "lint with the production profile (stricter levels)")
            ("help-uri-base", po::value<std::string>()->value_name("URL"),
             "sarif: where docs/ is published (rule links are URL + lint.md#<rule>; default docs/)")
            ("output,o", po::value<std::string>()->value_name("FILE"), "report file (default: standard output)");
        // clang-format on
        declareTemplateInputOptions(options);
        positional.add("path", -1);
      },
      lint};
}

} // namespace pm::driver
