// Turning the guard sites of a symbolic render into guards of the model (DESIGN.md "Guards"):
// each guard is flipped in one more render, with every other guard pinned, so independent
// guards cost one render each; guards that appear only inside a flipped branch (nested ones)
// are flipped within that render in turn. The renders' modules are merged (guard_merge.h).
#pragma once

#include "frontend/jinja/symbolic.h"
#include "frontend/parametric/loop_lifting.h"
#include "frontend/parametric/parametric_reader.h"

#include <functional>
#include <map>
#include <optional>

namespace pm::frontend {

struct GuardedRead {
  ParametricModule result;
  std::vector<jinja::GuardSite> guards; // the render's guard sites
  std::string path;                     // the template, for locations
};

// Renders and reads the part once with `choices`; reports into `diagnostics`.
using ReadWithChoices =
    std::function<std::optional<GuardedRead>(const jinja::GuardChoices&, ir::Diagnostics&)>;

inline constexpr int kMaxGuardRenders = 64;

// The merged module, and its loop sites: each is flipped like a guard (loop_lifting.h) under a
// guard variable "LoopN" that only liftLoops() may consume.
struct GuardExpansion {
  ParametricModule result;
  std::map<std::string, LoopDeclaration> loops; // by guard variable
  LoopFailures failedLoops; // loops whose one-element render cannot be lifted, by key
};

// The module with its guards. Diagnostics of the extra renders are reported once each; more
// than kMaxGuardRenders renders, or two guards changing one value (never rendered together),
// are MIG008 at the `if`, and those guards keep the base's branch (a fallback).
std::optional<GuardExpansion> readWithGuards(const ReadWithChoices& read,
                                             ir::Diagnostics& diagnostics);

} // namespace pm::frontend
