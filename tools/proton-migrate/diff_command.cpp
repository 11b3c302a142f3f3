// `proton-migrate diff`: what changes between two versions of a template, in the model.
#include "tools/proton-migrate/commands.h"

#include "backends/report/model_diff_report.h"
#include "ir/secret_masking.h"
#include "tools/proton-migrate/conversion_builder.h"
#include "tools/proton-migrate/exit_codes.h"
#include "tools/proton-migrate/output_readers.h"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

namespace pm::driver {

namespace {

namespace report = backends::report;

// The bundle's model in parametric mode: inputs stay inputs, so their constraints compare.
std::optional<backends::ConversionModel> readModel(const std::string& path,
                                                   ir::Diagnostics& diagnostics) {
  auto bundle = frontend::readBundle(path, diagnostics);
  if (!bundle)
    return std::nullopt;
  tf::NativeSources terraform; // a Terraform part's files, set aside: its inputs still compare
  auto model = buildConversionModel(*bundle, TemplateInputs{}, backends::ConversionMode::Parametric,
                                    diagnostics, &terraform);
  if (diagnostics.hasErrors())
    return std::nullopt;
  return model;
}

// How many constructs parametric mode rendered with concrete values (MIG008).
std::size_t renderedConcretely(const ir::Diagnostics& diagnostics) {
  const auto& all = diagnostics.all();
  return static_cast<std::size_t>(std::count_if(
      all.begin(), all.end(), [](const ir::Diagnostic& d) { return d.ruleId == "MIG008"; }));
}

// --spec validated against the new version's schema.
void checkSpec(const std::string& spec, const std::string& bundlePath, report::DiffReport& out) {
  out.specChecked = true;
  out.specName = spec;
  ir::Diagnostics diagnostics;
  auto bundle = frontend::readBundle(bundlePath, diagnostics);
  TemplateInputFiles files;
  files.spec = spec;
  if (bundle)
    loadTemplateInputs(files, *bundle, diagnostics);
  for (const ir::Diagnostic& diagnostic : diagnostics.all())
    if (diagnostic.severity == ir::Severity::Error)
      out.specProblems.push_back(diagnostic.location.str() + ": " + diagnostic.message + " [" +
                                 diagnostic.ruleId + "]");
}

// --consumers: a removed environment or component output breaks exactly the bundles of the
// repository that read it.
void findConsumers(const std::string& root, ir::ModelDiff& diff) {
  OutputReaders readers(root);
  for (ir::OutputChange& change : diff.outputs)
    if (change.change == ir::Change::Removed &&
        (change.module == "environment" || change.module == "component"))
      change.consumers = readers.readersOf(change.module, change.name);
}

bool fails(const report::DiffReport& out, const std::string& failOn) {
  if (failOn == "never")
    return false;
  bool specBroken = out.specChecked && !out.specProblems.empty();
  if (failOn == "breaking")
    return out.diff.breaking() || specBroken;
  return !out.diff.empty() || specBroken;
}

int diff(const po::variables_map& values, CommandIo& io) {
  std::string format = values.count("format") ? values["format"].as<std::string>() : "text";
  std::string failOn = values.count("fail-on") ? values["fail-on"].as<std::string>() : "change";
  if (!values.count("old") || !values.count("new") ||
      (format != "text" && format != "md" && format != "json") ||
      (failOn != "change" && failOn != "breaking" && failOn != "never")) {
    io.err << "proton-migrate diff: usage: diff OLD NEW [--format text|md|json] "
              "[--fail-on change|breaking|never] [--spec F]\n";
    return kExitUsage;
  }
  report::DiffReport out;
  out.oldName = values["old"].as<std::string>();
  out.newName = values["new"].as<std::string>();
  ir::Diagnostics diagnostics;
  auto before = readModel(out.oldName, diagnostics);
  auto after = readModel(out.newName, diagnostics);
  if (!before || !after) {
    diagnostics.print(io.err);
    return kExitInputError;
  }
  if (std::size_t concrete = renderedConcretely(diagnostics))
    out.notes.push_back(fmt::format(
        "{} Jinja construct(s) over inputs could not stay symbolic (MIG008): what they decide "
        "is compared at the schema defaults only",
        concrete));
  out.diff = ir::diffModels(before->modules, after->modules);
  if (values.count("consumers"))
    findConsumers(values["consumers"].as<std::string>(), out.diff);
  if (values.count("spec"))
    checkSpec(values["spec"].as<std::string>(), out.newName, out);
  io.out << ir::maskSecrets(format == "json" ? report::diffReportJson(out)
                            : format == "md" ? report::diffReportMarkdown(out)
                                             : report::diffReportText(out));
  return fails(out, failOn) ? kExitFindings : kExitSuccess;
}

} // namespace

// Option tables read best one option per line, which clang-format would undo.
// clang-format off
Command diffCommand() {
  return {"diff",
          "diff OLD NEW [--format text|md|json] [--spec F] [--consumers ROOT] "
          "[--fail-on change|breaking|never]",
          "Shows what changes between two template versions, in resources and inputs: inputs "
          "whose constraints reject values valid before, resources CloudFormation would replace, "
          "outputs removed while something reads them. Exits 1 when the versions differ "
          "(--fail-on breaking: only for breaking changes).",
          [](po::options_description& options, po::positional_options_description& positional) {
            options.add_options()
                ("old", po::value<std::string>()->value_name("OLD"), "older bundle")
                ("new", po::value<std::string>()->value_name("NEW"), "newer bundle")
                ("format", po::value<std::string>()->value_name("F"), "text (default), md or json")
                ("spec", po::value<std::string>()->value_name("F"), "a spec to validate against NEW")
                ("consumers", po::value<std::string>()->value_name("ROOT"), "the template repository whose bundles may read a removed output")
                ("fail-on", po::value<std::string>()->value_name("L"), "change (default), breaking or never");
            positional.add("old", 1).add("new", 1);
          },
          diff};
}
// clang-format on

} // namespace pm::driver
