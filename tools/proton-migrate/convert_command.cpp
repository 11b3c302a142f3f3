// `proton-migrate convert`: bundles to Terraform, CDK or Service Catalog.
#include "tools/proton-migrate/commands.h"

#include "backends/backend.h"
#include "backends/servicecatalog/service_catalog_backend.h"
#include "tools/proton-migrate/codebuild_carryover.h"
#include "tools/proton-migrate/conversion_builder.h"
#include "tools/proton-migrate/conversion_run.h"
#include "tools/proton-migrate/exit_codes.h"
#include "tools/proton-migrate/lint_findings.h"
#include "tools/proton-migrate/model_cache.h"
#include "tools/proton-migrate/output_directory.h"
#include "tools/proton-migrate/output_marker.h"
#include "tools/proton-migrate/stack_dumps.h"
#include "tools/proton-migrate/system_model.h"
#include "tools/proton-migrate/template_inputs.h"
#include "tools/proton-migrate/terraform_bundle.h"

#include <algorithm>
#include <deque>
#include <ostream>
#include <set>

namespace pm::driver {

namespace {

std::optional<backends::ConversionMode> modeOption(const po::variables_map& values, CommandIo& io) {
  std::string mode = values.count("mode") ? values["mode"].as<std::string>() : "parametric";
  if (mode == "parametric")
    return backends::ConversionMode::Parametric;
  if (mode == "rendered")
    return backends::ConversionMode::Rendered;
  io.err << "proton-migrate convert: --mode takes parametric or rendered, not '" << mode << "'\n";
  return std::nullopt;
}

std::string targetList() {
  std::string names;
  for (std::string_view name : backends::backendNames())
    names += (names.empty() ? "" : ", ") + std::string(name);
  return names;
}

// A Terraform-based bundle keeps its own Terraform: the terraform target rewrites it, CDK cannot
// read it (the servicecatalog target packs it as Terraform products: convertCatalog).
bool emitTerraformBundle(const backends::ConversionModel& model, const tf::NativeSources& sources,
                         const backends::Backend& backend, backends::OutputTree& output,
                         ir::Diagnostics& diagnostics) {
  if (backend.name() == "terraform") {
    tf::emitNativeModules(model, sources, output, diagnostics);
    return true;
  }
  diagnostics.error("PRS013", {model.bundleName, 0, 0},
                    "the bundle is written in Terraform: it converts only with --to terraform, "
                    "not --to " +
                        std::string(backend.name()));
  return false;
}

// The deployed stacks (--stack-dump) and which of them a bundle's deployment took.
struct StackDumps {
  std::vector<frontend::StackDump> dumps;
  std::set<std::size_t> attached;
};

// What the conversions of one convertInto share.
struct RunState {
  StackDumps stacks;
  ModelCache* models = nullptr; // a batch job's, reused across its targets
};

// Emits `model` into `output`, under `prefix`.
void emitModel(backends::ConversionModel& model, const tf::NativeSources& terraformSources,
               const backends::Backend& backend, const std::string& prefix,
               backends::OutputTree& output, ir::Diagnostics& diagnostics,
               const ModelObserver& observer) {
  if (observer)
    observer(model, !terraformSources.empty());
  backends::OutputTree converted;
  if (terraformSources.empty())
    backend.emit(model, converted, diagnostics);
  else if (!emitTerraformBundle(model, terraformSources, backend, converted, diagnostics))
    return;
  for (const auto& [relative, content] : converted.files())
    output.write(prefix + relative, content);
}

// A bundle's model, with the files of its Terraform parts and the stack dumps attached.
struct BuiltModel {
  backends::ConversionModel model;
  tf::NativeSources terraform;
};

// The bundle's model as buildConversionModel makes it; with a cache, made once per job.
std::optional<BuiltModel> builtModel(const LoadedBundle& loaded, backends::ConversionMode mode,
                                     RunState& run, ir::Diagnostics& diagnostics) {
  if (!run.models) {
    BuiltModel built;
    auto model =
        buildConversionModel(loaded.bundle, loaded.inputs, mode, diagnostics, &built.terraform);
    if (!model)
      return std::nullopt;
    built.model = std::move(*model);
    return built;
  }
  std::string key = loaded.bundle.files.displayRoot() +
                    (mode == backends::ConversionMode::Parametric ? "\nparametric" : "\nrendered");
  const ModelBuild& made = run.models->get(key, diagnostics, [&](ModelBuild& build) {
    build.model = buildConversionModel(loaded.bundle, loaded.inputs, mode, build.diagnostics,
                                       &build.terraform);
  });
  diagnostics.append(made.diagnostics, made.firstReported);
  if (!made.model)
    return std::nullopt;
  return BuiltModel{*made.model, made.terraform};
}

std::optional<BuiltModel> buildModel(const LoadedBundle& loaded, backends::ConversionMode mode,
                                     RunState& run, LintGate& lint, ir::Diagnostics& diagnostics) {
  auto built = builtModel(loaded, mode, run, diagnostics);
  if (!built || diagnostics.hasErrors() || !lint.admit(built->model.passes.lint))
    return std::nullopt;
  attachStackDumps(built->model, loaded.bundle, loaded.inputs, run.stacks.dumps,
                   run.stacks.attached, diagnostics);
  return built;
}

// Converts one bundle into `output`, under "<bundle>/" when `ownFolder`.
void convertBundle(const LoadedBundle& loaded, backends::ConversionMode mode,
                   const backends::Backend& backend, bool ownFolder, RunState& run, LintGate& lint,
                   backends::OutputTree& output, ir::Diagnostics& diagnostics,
                   const ModelObserver& observer) {
  auto built = buildModel(loaded, mode, run, lint, diagnostics);
  if (built)
    emitModel(built->model, built->terraform, backend, ownFolder ? loaded.bundle.name + "/" : "",
              output, diagnostics, observer);
}

bool isTerraformBundle(const frontend::Bundle& bundle) {
  return std::any_of(bundle.parts.begin(), bundle.parts.end(),
                     [](const frontend::BundlePart& part) { return isTerraformPart(part); });
}

// Several bundles make one CDK app or one Terraform configuration, so environment outputs are
// wired to the services deployed in them (Service Catalog makes one portfolio of them instead:
// convertCatalog). Terraform-written bundles do not mix with CloudFormation ones: those are
// converted each into its own folder.
bool convertsTogether(const std::vector<LoadedBundle>& bundles, const backends::Backend& backend) {
  if (bundles.size() < 2 || backend.name() == "servicecatalog")
    return false;
  return std::all_of(bundles.begin(), bundles.end(), [&](const LoadedBundle& loaded) {
    return isTerraformBundle(loaded.bundle) == isTerraformBundle(bundles.front().bundle);
  });
}

void convertTogether(const std::vector<LoadedBundle>& bundles, backends::ConversionMode mode,
                     const backends::Backend& backend, unsigned threads, RunState& run,
                     LintGate& lint, backends::OutputTree& output, ir::Diagnostics& diagnostics,
                     const ModelObserver& observer) {
  std::vector<const LoadedBundle*> given;
  for (const LoadedBundle& loaded : bundles)
    given.push_back(&loaded);
  tf::NativeSources terraformSources;
  auto model = buildSystemModel(given, mode, diagnostics, &terraformSources, threads);
  if (!model || diagnostics.hasErrors() || !lint.admit(model->passes.lint))
    return;
  for (const LoadedBundle& loaded : bundles)
    attachStackDumps(*model, loaded.bundle, loaded.inputs, run.stacks.dumps, run.stacks.attached,
                     diagnostics);
  emitModel(*model, terraformSources, backend, "", output, diagnostics, observer);
}

// The bundles `paths` name for a Service Catalog portfolio: a folder holding bundles (a
// template-sync repo, a template's version folders) gives each of them. Several bundles, or
// one found inside a folder, make one catalog.
std::vector<std::string> catalogBundlePaths(const std::vector<std::string>& paths) {
  std::vector<std::string> bundles;
  for (const std::string& path : paths) {
    std::vector<std::string> found = frontend::discoverBundles(path);
    if (found.empty())
      found.push_back(path); // reading it reports what is wrong
    bundles.insert(bundles.end(), found.begin(), found.end());
  }
  return bundles;
}

// Service Catalog makes one portfolio of every bundle given, so that the versions of a template
// become one product with an artifact per version.
void convertCatalog(const std::vector<LoadedBundle>& loaded, backends::ConversionMode mode,
                    const backends::sc::ServiceCatalogOptions& options, RunState& run,
                    LintGate& lint, backends::OutputTree& output, ir::Diagnostics& diagnostics,
                    const ModelObserver& observer) {
  std::deque<BuiltModel> converted; // stable addresses for the catalog's pointers
  std::vector<backends::sc::CatalogBundle> bundles;
  for (const LoadedBundle& bundle : loaded) {
    auto built = buildModel(bundle, mode, run, lint, diagnostics);
    if (!built)
      continue;
    if (built->terraform.empty())
      built->model = backends::withCatalogLoopsExpanded(built->model, diagnostics);
    BuiltModel& added = converted.emplace_back(std::move(*built));
    if (observer)
      observer(added.model, !added.terraform.empty());
    bundles.push_back({&added.model, added.terraform.empty() ? nullptr : &added.terraform});
  }
  if (!diagnostics.hasErrors() && !bundles.empty())
    backends::emitServiceCatalog(bundles, options, output, diagnostics);
}

// -j N: threads reading the bundles converted together (commands sharing convertInto without
// the option read on one).
unsigned threadCount(const po::variables_map& values) {
  return values.count("jobs") ? static_cast<unsigned>(std::max(1, values["jobs"].as<int>())) : 1;
}

backends::sc::ServiceCatalogOptions catalogOptions(const po::variables_map& values) {
  backends::sc::ServiceCatalogOptions options;
  options.importEnvironmentOutputs =
      values.count("import-env-outputs") && values["import-env-outputs"].as<bool>();
  return options;
}

int convert(const po::variables_map& values, CommandIo& io) {
  if (!values.count("path") || !values.count("to") || !values.count("output")) {
    io.err << "proton-migrate convert: PATH, --to and -o are required\n";
    return kExitUsage;
  }
  auto mode = modeOption(values, io);
  if (!mode)
    return kExitUsage;
  std::string target = values["to"].as<std::string>();
  auto backend = backends::makeBackend(target);
  if (!backend) {
    bool known = false;
    for (std::string_view name : backends::backendNames())
      known = known || name == target;
    if (known)
      return notYetImplemented("convert --to " + target, io);
    io.err << "proton-migrate convert: --to takes " << targetList() << ", not '" << target << "'\n";
    return kExitUsage;
  }
  std::string directory = values["output"].as<std::string>();
  unsigned threads = threadCount(values);
  std::string marker = markerText(values, nullptr, threads);
  if (OutputDecision decision = decideOutput(directory, marker, values);
      decision != OutputDecision::Write) {
    bool upToDate = decision == OutputDecision::UpToDate;
    io.err << "proton-migrate convert: "
           << (upToDate ? directory + " is up to date" : refusalMessage(directory)) << "\n";
    return upToDate ? kExitSuccess : kExitUsage;
  }
  auto failOn =
      failOnOption(values.count("fail-on") ? values["fail-on"].as<std::string>() : "never");
  if (!failOn) {
    io.err << "proton-migrate convert: --fail-on takes error, warning or never\n";
    return kExitUsage;
  }
  LintGate lint{std::string(backend->name()), *failOn, {}, false};
  ir::Diagnostics diagnostics;
  backends::OutputTree output;
  convertInto(values, *backend, *mode, lint, output, diagnostics);
  diagnostics.print(io.err, threads);
  printFindings(lint.findings, diagnostics, io.err, threads);
  if (diagnostics.hasErrors())
    return kExitInputError; // nothing is written when any bundle failed
  output.write(std::string(kMarkerFile), marker);
  commitOutputTree(output, directory, threads);
  return lint.stopped ? kExitFindings : kExitSuccess;
}

} // namespace

void convertInto(const po::variables_map& values, const backends::Backend& backend,
                 backends::ConversionMode mode, LintGate& lint, backends::OutputTree& output,
                 ir::Diagnostics& diagnostics, const ModelObserver& observer, ModelCache* models) {
  RunState run;
  run.models = models;
  if (values.count("stack-dump"))
    run.stacks.dumps =
        readStackDumps(values["stack-dump"].as<std::vector<std::string>>(), diagnostics);
  auto paths = values["path"].as<std::vector<std::string>>();
  std::vector<std::string> catalogPaths = catalogBundlePaths(paths);
  bool catalog = backend.name() == "servicecatalog";
  auto bundles = loadBundles(catalog ? catalogPaths : paths, values, diagnostics, run.models,
                             threadCount(values));
  bool several = bundles && bundles->size() > 1; // each in its own folder, carried over or not
  if (bundles)
    carryOverCodeBuildBundles(*bundles, output, diagnostics);
  if (bundles && catalog)
    convertCatalog(*bundles, mode, catalogOptions(values), run, lint, output, diagnostics,
                   observer);
  else if (bundles && convertsTogether(*bundles, backend))
    convertTogether(*bundles, mode, backend, threadCount(values), run, lint, output, diagnostics,
                    observer);
  else if (bundles)
    for (const LoadedBundle& loaded : *bundles)
      convertBundle(loaded, mode, backend, several, run, lint, output, diagnostics, observer);
  reportUnattachedDumps(run.stacks.dumps, run.stacks.attached, diagnostics);
}

Command convertCommand() {
  return {
      "convert",
      "convert PATH... --to terraform|cdk|servicecatalog [--mode parametric|rendered] "
      "[--spec F] [--env-outputs F] [--stack-dump F] [--import-env-outputs] "
      "[--fail-on error|warning|never] [-j N] -o DIR",
      "Converts bundles (folders, .tar.gz archives or CloudFormation files) to the target; "
      "with cdk or terraform, several bundles make one app or root, environment outputs wired "
      "to the services deployed in them.",
      [](po::options_description& options, po::positional_options_description& positional) {
        // clang-format off
            options.add_options()
                ("path", po::value<std::vector<std::string>>()->value_name("PATH"), "bundles")
                ("to", po::value<std::string>()->value_name("T"), "terraform, cdk or servicecatalog")
                ("output,o", po::value<std::string>()->value_name("DIR"), "output folder")
                ("mode", po::value<std::string>()->value_name("M"), "parametric (default) or rendered")
                ("import-env-outputs", po::bool_switch(),
                 "servicecatalog: service products import environment outputs (Fn::ImportValue "
                 "of exports the environment product adds) instead of taking them as parameters")
                ("stack-dump", po::value<std::vector<std::string>>()->value_name("FILE"),
                 "a deployed stack's get-template, describe-stacks and describe-stack-resources "
                 "JSON (repeatable; one merged file or separate files)")
                ("jobs,j", po::value<int>()->value_name("N"),
                 "threads reading the bundles (default 1); the output does not depend on it")
                ("fail-on", po::value<std::string>()->value_name("L"),
                 "lint findings at or above L (error, warning; default never) stop their bundle: "
                 "it is not written and the exit code is 1");
        // clang-format on
        declareTemplateInputOptions(options);
        declareOutputFolderOptions(options);
        positional.add("path", -1);
      },
      convert};
}

} // namespace pm::driver
