// The options shared by render, convert and migrate that give a template its values: --spec,
// --env-outputs, --component-outputs and --context. Loaded and checked once per bundle.
#pragma once

#include "frontend/frontend.h"
#include "tools/proton-migrate/command.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pm::driver {

class ModelCache;

void declareTemplateInputOptions(po::options_description& options);
// Only --context (commands that take no spec or outputs files).
void declareContextOption(po::options_description& options);

// The part named by --part: nothing when absent; PRS013 when it names no part role.
std::optional<frontend::PartRole> partOption(const po::variables_map& values,
                                             const frontend::Bundle& bundle,
                                             ir::Diagnostics& diagnostics);

struct TemplateInputs {
  std::optional<frontend::Spec> spec;
  jinja::Value environmentOutputs = jinja::Value::dict();
  std::optional<jinja::Value> componentOutputs;
  std::map<std::string, jinja::Value> instanceOutputs; // a pipeline's, by instance name
  std::vector<frontend::ContextOverride> overrides;

  // A request for one part; `spec` must outlive it.
  frontend::RenderRequest request(frontend::PartRole part, const std::string& instance) const;
};

// The files and values the options name.
struct TemplateInputFiles {
  std::optional<std::string> spec, environmentOutputs, componentOutputs;
  std::vector<std::string> contexts; // PATH=VALUE

  static TemplateInputFiles fromOptions(const po::variables_map& values);
};

// Reads the files and validates the spec against the bundle's schema. Nothing when an error was
// reported.
std::optional<TemplateInputs> loadTemplateInputs(const TemplateInputFiles& files,
                                                 const frontend::Bundle& bundle,
                                                 ir::Diagnostics& diagnostics);

// A bundle with the inputs the command's options give it.
struct LoadedBundle {
  frontend::Bundle bundle;
  TemplateInputs inputs;
};

// The --spec file meant for each of `bundles`. One spec with one bundle goes to it; otherwise
// each spec goes to the templates of its kind (EnvironmentSpec to environment templates,
// ServiceSpec to service templates) in the order both are given, every version of a template
// taking its template's spec; the counts must match (PRS010).
std::optional<std::vector<std::optional<std::string>>>
specsForBundles(const std::vector<const frontend::Bundle*>& bundles,
                const std::vector<std::string>& specs, ir::Diagnostics& diagnostics);

// Reads the bundles at `paths` (through `cache` when given, else on `threads` threads) and the
// files the options name for each; nothing when an error was reported. The results must stay
// in place while requests made from them are in use.
std::optional<std::vector<LoadedBundle>>
loadBundles(const std::vector<std::string>& paths, const po::variables_map& values,
            ir::Diagnostics& diagnostics, ModelCache* cache = nullptr, unsigned threads = 1);
// One bundle (loadBundles of one path).
std::optional<LoadedBundle> loadBundle(const std::string& path, const po::variables_map& values,
                                       ir::Diagnostics& diagnostics);

} // namespace pm::driver
