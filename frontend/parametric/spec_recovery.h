// Inverse rendering (DESIGN.md "Inverse rendering"): the spec a deployed template was rendered
// from, recovered by matching the bundle's parametric module against the deployed tree. Each
// InputRef, ContextRef and UpstreamOutputRef binds to the deployed value at its position; where
// the two trees disagree the difference is drift (MIG023) at its deployed location.
#pragma once

#include "frontend/bundle/bundle.h"
#include "frontend/proton_context.h"
#include "ir/diagnostics.h"
#include "ir/module.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pm::frontend {

// A value found in the deployed template. `text` is what Jinja printed there (True, 8080,
// my-bucket); `items` is set when a list input bound to a whole deployed list.
struct RecoveredValue {
  std::string text;
  std::optional<std::vector<std::string>> items;
  ir::SourceLocation location;
};

struct RecoveredSpec {
  ir::ModuleKind kind = ir::ModuleKind::Environment;
  PartRole part = PartRole::Infrastructure;
  std::vector<ir::Input> declared;                       // schema inputs, declaration order
  std::map<std::string, RecoveredValue> inputs;          // by input name
  std::map<std::string, RecoveredValue> context;         // by path, e.g. "service.name"
  std::map<std::string, RecoveredValue> upstreamOutputs; // by "module.output"
  std::set<std::string> undefinedInputs;        // an `is defined` test on them deployed as false
  std::map<std::size_t, RecoveredValue> probed; // what each probe token stood for (probe_tokens.h)
  // Numbers that stand for a probe slot where a token would not parse (a bare JSON number).
  std::map<std::string, std::size_t> numericProbes;
  std::size_t drift = 0; // MIG023 findings reported
  // The fallback search (fallback_search.h): trial renders made, and whether it stopped at
  // kMaxFallbackTrials before trying every candidate.
  int trials = 0;
  bool searchStopped = false;

  // The recovered inputs that differ from their schema default, in declaration order, each as
  // the YAML scalar (or flow list) that reads back as the same typed value.
  std::vector<std::pair<std::string, std::string>> changedInputs() const;
};

// Matches `request.part` of `bundle`, read with schema defaults (plus request.overrides), against
// `deployed`. Drift is a MIG023 warning per difference; inputs only a fallback construct (MIG008)
// reads are reported as not recoverable. Nothing when the bundle part could not be read.
std::optional<RecoveredSpec> recoverSpec(const Bundle& bundle, const RenderRequest& request,
                                         const ir::Module& deployed, ir::Diagnostics& diagnostics);

// The spec file: `proton: EnvironmentSpec` with `spec:`, or `proton: ServiceSpec` with one
// instance (or the pipeline) holding the changed inputs.
std::string writeRecoveredSpec(const RecoveredSpec& recovered, const std::string& instance,
                               const std::string& environment);

} // namespace pm::frontend
