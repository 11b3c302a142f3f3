// Probe tokens: strings inverse rendering gives an input whose value only reaches the deployed
// template through a construct rendered with concrete values (MIG008: a filter, a loop over a
// list input, `loop.last`). Wherever the rendering prints the token, the deployed template holds
// the value it stood for. Lower-case letters and digits, so YAML, JSON, `join` and `tojson`
// keep them whole.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace pm::frontend {

std::string probeToken(std::size_t slot);

// `text` split into literal text and probe tokens (slot set).
struct ProbePiece {
  std::string literal;
  std::optional<std::size_t> slot;
};
std::vector<ProbePiece> splitProbes(const std::string& text);

bool hasProbe(const std::string& text);

} // namespace pm::frontend
