// Probe tokens: "zqp<slot>pqz".
#include "frontend/parametric/probe_tokens.h"

#include <cctype>
#include <string_view>

namespace pm::frontend {

namespace {

constexpr std::string_view kOpen = "zqp";
constexpr std::string_view kClose = "pqz";

// The slot of a token starting at `at`, and its length; nothing when none starts there.
std::optional<std::pair<std::size_t, std::size_t>> tokenAt(const std::string& text,
                                                           std::size_t at) {
  if (text.compare(at, kOpen.size(), kOpen) != 0)
    return std::nullopt;
  std::size_t digits = at + kOpen.size(), end = digits;
  while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])))
    ++end;
  if (end == digits || end - digits > 6 || text.compare(end, kClose.size(), kClose) != 0)
    return std::nullopt;
  return std::pair{std::stoul(text.substr(digits, end - digits)), end + kClose.size() - at};
}

} // namespace

std::string probeToken(std::size_t slot) {
  return std::string(kOpen) + std::to_string(slot) + std::string(kClose);
}

std::vector<ProbePiece> splitProbes(const std::string& text) {
  std::vector<ProbePiece> pieces;
  std::string literal;
  for (std::size_t at = 0; at < text.size();) {
    if (auto token = tokenAt(text, at)) {
      if (!literal.empty())
        pieces.push_back({std::move(literal), std::nullopt});
      literal.clear();
      pieces.push_back({"", token->first});
      at += token->second;
    } else {
      literal += text[at++];
    }
  }
  if (!literal.empty())
    pieces.push_back({std::move(literal), std::nullopt});
  return pieces;
}

bool hasProbe(const std::string& text) {
  for (std::size_t at = text.find(kOpen); at != std::string::npos; at = text.find(kOpen, at + 1))
    if (tokenAt(text, at))
      return true;
  return false;
}

} // namespace pm::frontend
