// `proton-migrate convert`: bundles to Terraform, CDK or Service Catalog.
#include "tools/proton-migrate/commands.h"

#include "backends/backend.h"
#include "backends/servicecatalog/service_catalog_backend.h"
#include "tools/proton-migrate/conversion_builder.h"
#include "tools/proton-migrate/exit_codes.h"
#include "tools/proton-migrate/output_directory.h"
#include "tools/proton-migrate/stack_dumps.h"
#include "tools/proton-migrate/template_inputs.h"

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

// A Terraform-based bundle keeps its own Terraform: the terraform target rewrites it, the
// servicecatalog target packs the rewritten modules as Terraform products, CDK cannot read it.
bool emitTerraformBundle(const backends::ConversionModel& model, const tf::NativeSources& sources,
                         const backends::Backend& backend, backends::OutputTree& output,
                         ir::Diagnostics& diagnostics) {
  if (backend.name() == "terraform") {
    tf::emitNativeModules(model, sources, output, diagnostics);
    return true;
  }
  if (backend.name() == "servicecatalog") {
    backends::emitTerraformServiceCatalog(model, sources, output, diagnostics);
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

// Converts one bundle into `output`, under "<bundle>/" when `ownFolder`.
void convertBundle(const std::string& path, const po::variables_map& values,
                   backends::ConversionMode mode, const backends::Backend& backend, bool ownFolder,
                   StackDumps& stacks, backends::OutputTree& output, ir::Diagnostics& diagnostics) {
  auto loaded = loadBundle(path, values, diagnostics);
  if (!loaded)
    return;
  tf::NativeSources terraformSources;
  auto model =
      buildConversionModel(loaded->bundle, loaded->inputs, mode, diagnostics, &terraformSources);
  if (!model || diagnostics.hasErrors())
    return;
  attachStackDumps(*model, loaded->bundle, loaded->inputs, stacks.dumps, stacks.attached,
                   diagnostics);
  backends::OutputTree converted;
  if (terraformSources.empty())
    backend.emit(*model, converted, diagnostics);
  else if (!emitTerraformBundle(*model, terraformSources, backend, converted, diagnostics))
    return;
  std::string prefix = ownFolder ? loaded->bundle.name + "/" : "";
  for (const auto& [relative, content] : converted.files())
    output.write(prefix + relative, content);
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
void convertCatalog(const std::vector<std::string>& paths, const po::variables_map& values,
                    backends::ConversionMode mode, StackDumps& stacks, backends::OutputTree& output,
                    ir::Diagnostics& diagnostics) {
  struct Converted {
    backends::ConversionModel model;
    tf::NativeSources terraform;
  };
  std::deque<Converted> converted; // stable addresses for the catalog's pointers
  std::vector<backends::sc::CatalogBundle> bundles;
  for (const std::string& path : paths) {
    auto loaded = loadBundle(path, values, diagnostics);
    if (!loaded)
      continue;
    tf::NativeSources terraform;
    auto model =
        buildConversionModel(loaded->bundle, loaded->inputs, mode, diagnostics, &terraform);
    if (!model || diagnostics.hasErrors())
      continue;
    attachStackDumps(*model, loaded->bundle, loaded->inputs, stacks.dumps, stacks.attached,
                     diagnostics);
    if (terraform.empty())
      model = backends::withCatalogLoopsExpanded(*model, diagnostics);
    Converted& added = converted.emplace_back(Converted{std::move(*model), std::move(terraform)});
    bundles.push_back({&added.model, added.terraform.empty() ? nullptr : &added.terraform});
  }
  if (!diagnostics.hasErrors() && !bundles.empty())
    backends::emitServiceCatalog(bundles, backends::sc::ServiceCatalogOptions{}, output,
                                 diagnostics);
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
  ir::Diagnostics diagnostics;
  StackDumps stacks;
  if (values.count("stack-dump"))
    stacks.dumps = readStackDumps(values["stack-dump"].as<std::vector<std::string>>(), diagnostics);
  auto paths = values["path"].as<std::vector<std::string>>();
  backends::OutputTree output;
  std::vector<std::string> catalogPaths = catalogBundlePaths(paths);
  if (backend->name() == "servicecatalog" && (catalogPaths.size() > 1 || catalogPaths != paths))
    convertCatalog(catalogPaths, values, *mode, stacks, output, diagnostics);
  else
    for (const std::string& path : paths)
      convertBundle(path, values, *mode, *backend, paths.size() > 1, stacks, output, diagnostics);
  reportUnattachedDumps(stacks.dumps, stacks.attached, diagnostics);
  diagnostics.print(io.err);
  if (diagnostics.hasErrors())
    return kExitInputError; // nothing is written when any bundle failed
  commitOutputTree(output, values["output"].as<std::string>());
  return kExitSuccess;
}

} // namespace

Command convertCommand() {
  return {
      "convert",
      "convert PATH... --to terraform|cdk|servicecatalog [--mode parametric|rendered] "
      "[--spec F] [--env-outputs F] [--stack-dump F] -o DIR",
      "Converts bundles (folders, .tar.gz archives or CloudFormation files) to the target.",
      [](po::options_description& options, po::positional_options_description& positional) {
        // clang-format off
            options.add_options()
                ("path", po::value<std::vector<std::string>>()->value_name("PATH"), "bundles")
                ("to", po::value<std::string>()->value_name("T"), "terraform, cdk or servicecatalog")
                ("output,o", po::value<std::string>()->value_name("DIR"), "output folder")
                ("mode", po::value<std::string>()->value_name("M"), "parametric (default) or rendered")
                ("stack-dump", po::value<std::vector<std::string>>()->value_name("FILE"),
                 "a deployed stack's get-template, describe-stacks and describe-stack-resources "
                 "JSON (repeatable; one merged file or separate files)");
        // clang-format on
        declareTemplateInputOptions(options);
        positional.add("path", -1);
      },
      convert};
}

} // namespace pm::driver
