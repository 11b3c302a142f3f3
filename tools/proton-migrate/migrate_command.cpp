// `proton-migrate migrate`: one-shot migration of live Proton stacks. The stacks' dumps give the
// deployed templates, resources and tags; the inputs are the spec given or recovered from the
// templates; the bundle rendered with them is compared with what is deployed; the target's code
// comes with what adopts the stacks, and a report says all of it.
#include "tools/proton-migrate/commands.h"

#include "backends/backend.h"
#include "frontend/frontend.h"
#include "ir/secret_masking.h"
#include "tools/proton-migrate/exit_codes.h"
#include "tools/proton-migrate/migration_report.h"
#include "tools/proton-migrate/output_directory.h"

#include <ostream>

namespace pm::driver {

namespace {

constexpr const char* kCommand = "proton-migrate migrate: ";

struct MigrateOptions {
  std::string bundle, target, output, mode = "parametric";
  std::vector<std::string> dumps;
  std::optional<std::string> stackDir;
  bool acceptDrift = false;
};

std::optional<MigrateOptions> readOptions(const po::variables_map& values, CommandIo& io) {
  MigrateOptions options;
  if (!values.count("bundle") || !values.count("to") || !values.count("output") ||
      values.count("stack-dump") == values.count("stack-dir")) {
    io.err << kCommand
           << "--bundle, --to, -o and one of --stack-dump or --stack-dir are required\n";
    return std::nullopt;
  }
  options.bundle = values["bundle"].as<std::string>();
  options.target = values["to"].as<std::string>();
  options.output = values["output"].as<std::string>();
  if (values.count("stack-dump"))
    options.dumps = values["stack-dump"].as<std::vector<std::string>>();
  if (values.count("stack-dir"))
    options.stackDir = values["stack-dir"].as<std::string>();
  if (values.count("mode"))
    options.mode = values["mode"].as<std::string>();
  options.acceptDrift = values.count("accept-drift") > 0;
  if (values.count("spec") && values["spec"].as<std::vector<std::string>>().size() > 1) {
    io.err << kCommand << "give one --spec: the spec of the migrated bundle\n";
    return std::nullopt;
  }
  if (!backends::makeBackend(options.target)) {
    io.err << kCommand << "--to takes terraform, cdk or servicecatalog, not '" << options.target
           << "'\n";
    return std::nullopt;
  }
  if (options.mode != "parametric" && options.mode != "rendered") {
    io.err << kCommand << "--mode takes parametric or rendered, not '" << options.mode << "'\n";
    return std::nullopt;
  }
  return options;
}

// The stacks the bundle deploys, and a word on the others.
bool checkStacks(const std::vector<MigrationStack>& stacks, const frontend::Bundle& bundle,
                 const std::string& where, ir::Diagnostics& diagnostics) {
  bool any = false;
  for (const MigrationStack& stack : stacks) {
    any = any || stack.part.has_value();
    if (stack.part)
      diagnostics.registerSource(stack.templatePath, stack.dump.templateBody);
    else if (stack.role != StackRole::Environment)
      diagnostics.warning("PRS010", {stack.dump.path, 1, 1},
                          "the " + std::string(stackRoleName(stack.role)) + " stack '" +
                              stack.dump.stackName + "' is not deployed from " + bundle.name +
                              ": it is left out");
  }
  if (!any)
    diagnostics.error("PRS010", {where, 0, 0},
                      "no stack given is deployed from " + bundle.name +
                          ": their aws:proton:* tags name no part of the bundle");
  return any;
}

// Drift found while recovering is reported again, per property, by the verification.
void appendWithoutRecoveryDrift(const ir::Diagnostics& recovery, ir::Diagnostics& diagnostics) {
  ir::Diagnostics kept;
  for (const ir::Diagnostic& diagnostic : recovery.all())
    if (diagnostic.ruleId != "MIG023")
      kept.report(diagnostic.severity, diagnostic.ruleId, diagnostic.location, diagnostic.message);
  diagnostics.appendUnreported(kept);
}

std::vector<ir::Diagnostic> findingsOf(const ir::Diagnostics& diagnostics) {
  std::vector<ir::Diagnostic> findings;
  for (const ir::Diagnostic& diagnostic : diagnostics.all())
    if (diagnostic.severity >= ir::Severity::Warning)
      findings.push_back(diagnostic);
  return findings;
}

void writeEvidence(const MigrateOptions& options, const std::vector<MigrationStack>& stacks,
                   const MigrationInputs& inputs, const std::vector<StackVerification>& verified,
                   const MigrationArtifacts& artifacts, const ir::Diagnostics& diagnostics,
                   backends::OutputTree& output) {
  std::string prefix = options.output + "/";
  for (const MigrationStack& stack : stacks)
    if (stack.part)
      output.write(stack.templatePath.substr(prefix.size()), stack.dump.templateBody);
  if (!inputs.specText.empty())
    output.write("spec.yaml", inputs.specText);
  std::vector<ir::Diagnostic> findings = findingsOf(diagnostics);
  std::string mode = options.target == "servicecatalog" ? "rendered" : options.mode;
  MigrationReport report{options.bundle, options.target, mode,     options.acceptDrift,
                         stacks,         inputs,         verified, artifacts,
                         findings};
  output.write("migration-report.md", ir::maskSecrets(reportMarkdown(report)));
  output.write("migration-report.json", ir::maskSecrets(reportJson(report)));
}

int migrate(const po::variables_map& values, CommandIo& io) {
  auto options = readOptions(values, io);
  if (!options)
    return kExitUsage;
  ir::Diagnostics diagnostics;
  auto finish = [&](int code) {
    diagnostics.print(io.err);
    return code;
  };
  auto bundle = frontend::readBundle(options->bundle, diagnostics);
  if (!bundle)
    return finish(kExitInputError);
  std::vector<std::string> files =
      options->stackDir ? stackDumpFiles(*options->stackDir, diagnostics) : options->dumps;
  auto stacks = readMigrationStacks(files, *bundle, options->output, diagnostics);
  if (diagnostics.hasErrors())
    return finish(kExitInputError);
  if (!checkStacks(stacks, *bundle, options->stackDir ? *options->stackDir : files.front(),
                   diagnostics))
    return finish(kExitInputError);
  TemplateInputFiles inputFiles = TemplateInputFiles::fromOptions(values);
  if (values.count("spec"))
    inputFiles.spec = values["spec"].as<std::vector<std::string>>().front();
  ir::Diagnostics recovery;
  auto inputs = migrationInputs(*bundle, stacks, inputFiles, recovery);
  appendWithoutRecoveryDrift(recovery, diagnostics);
  if (!inputs || diagnostics.hasErrors())
    return finish(kExitInputError);
  auto verified = verifyStacks(*bundle, stacks, inputs->inputs, diagnostics);
  backends::OutputTree output;
  auto mode = options->mode == "rendered" ? backends::ConversionMode::Rendered
                                          : backends::ConversionMode::Parametric;
  auto artifacts = emitMigrationArtifacts(*bundle, inputs->inputs, verified, options->target, mode,
                                          output, diagnostics);
  if (diagnostics.hasErrors())
    return finish(kExitInputError);
  writeEvidence(*options, stacks, *inputs, verified, artifacts, diagnostics, output);
  commitOutputTree(output, options->output);
  std::size_t drift = differenceCount(verified);
  io.err << "migrate: " << stacks.size() << " stack(s), "
         << (drift ? std::to_string(drift) + " difference(s) from the bundle's render"
                   : std::string("no drift"))
         << "; report in " << options->output << "/migration-report.md\n";
  return finish(drift && !options->acceptDrift ? kExitFindings : kExitSuccess);
}

} // namespace

Command migrateCommand() {
  return {"migrate",
          "migrate --bundle B (--stack-dump F... | --stack-dir D) --to T -o DIR [--spec F] "
          "[--mode M] [--accept-drift]",
          "One-shot migration of live Proton stacks: recover inputs, verify them against the\n"
          "deployed templates, emit code, adoption artifacts and a migration report.",
          [](po::options_description& options, po::positional_options_description&) {
            // clang-format off
            options.add_options()
                ("bundle", po::value<std::string>()->value_name("B"),
                 "the bundle the stacks were deployed from (folder or .tar.gz)")
                ("stack-dump", po::value<std::vector<std::string>>()->value_name("FILE"),
                 "a stack's get-template, describe-stacks and describe-stack-resources JSON "
                 "(repeatable; one merged file or separate files)")
                ("stack-dir", po::value<std::string>()->value_name("DIR"),
                 "a folder holding one merged dump (*.json) per stack")
                ("to", po::value<std::string>()->value_name("T"), "terraform, cdk or servicecatalog")
                ("output,o", po::value<std::string>()->value_name("DIR"), "output folder")
                ("mode", po::value<std::string>()->value_name("M"),
                 "parametric (default) or rendered code; servicecatalog is always rendered")
                ("accept-drift", "succeed (exit 0) even when a deployed template differs");
            // clang-format on
            declareTemplateInputOptions(options);
          },
          migrate};
}

} // namespace pm::driver
