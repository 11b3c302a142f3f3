// Inverse rendering of inputs that only constructs rendered with concrete values read (MIG008
// fallbacks: filters, `loop.last`, loops the reader could not lift). No reference marks where
// their values went, so recovery tries candidates and keeps the one whose reading departs least
// from the deployed template: each boolean, each enum member, each number of a small range; for
// a string a probe token (probe_tokens.h) that the match fills with the deployed text, and for a
// list of strings 0 to 8 such tokens.
#pragma once

#include "frontend/parametric/spec_recovery.h"

#include <functional>
#include <optional>
#include <set>

namespace pm::frontend {

// Reads the bundle part with `seed`'s values and matches it against the deployed template,
// quietly; nothing when the part cannot be read with them.
using TrialMatch = std::function<std::optional<RecoveredSpec>(const RecoveredSpec& seed)>;

// The most trials one search makes: each renders the part again (with up to 64 guard renders),
// and enums with many members times many inputs would otherwise render it without bound. The
// search stops there and says so (RecoveredSpec::searchStopped).
inline constexpr int kMaxFallbackTrials = 512;

// `recovered` with the values found for its unrecovered inputs, one input at a time in
// declaration order while drift remains, in two rounds (a value one input needs may only show
// once another is found); `drift` is the drift of the last improving trial. `deployedNumbers`
// (the numbers the deployed template holds) are candidates for number inputs.
RecoveredSpec searchFallbackInputs(const RecoveredSpec& recovered, const TrialMatch& trial,
                                   const std::set<double>& deployedNumbers);

} // namespace pm::frontend
