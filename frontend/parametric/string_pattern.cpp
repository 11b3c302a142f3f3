// String patterns with holes, for inverse rendering.
#include "frontend/parametric/string_pattern.h"

#include "frontend/parametric/probe_tokens.h"

namespace pm::frontend {

bool fillHoles(const std::vector<Piece>& pieces, std::size_t index, const std::string& text,
               std::size_t position, std::vector<std::string>& filled) {
  if (index == pieces.size())
    return position == text.size();
  const Piece& piece = pieces[index];
  if (!piece.isHole()) {
    if (text.compare(position, piece.literal.size(), piece.literal) != 0)
      return false;
    return fillHoles(pieces, index + 1, text, position + piece.literal.size(), filled);
  }
  bool last = index + 1 == pieces.size();
  for (std::size_t end = last ? text.size() : position; end <= text.size(); ++end) {
    filled[index] = text.substr(position, end - position);
    if (fillHoles(pieces, index + 1, text, end, filled))
      return true;
  }
  return false;
}

void pushLiteral(std::vector<Piece>& pieces, const std::string& text) {
  for (ProbePiece& piece : splitProbes(text)) {
    if (piece.slot)
      pieces.push_back({"", nullptr, piece.slot});
    else if (!pieces.empty() && !pieces.back().isHole())
      pieces.back().literal += piece.literal;
    else
      pieces.push_back({std::move(piece.literal), nullptr, std::nullopt});
  }
}

std::string referenceName(const ir::Expr& reference) {
  if (reference.kind() == ir::ExprKind::UpstreamOutputRef)
    return reference.upstreamOutput().module + "." + reference.upstreamOutput().output;
  return reference.name();
}

std::string holeName(const Piece& piece) {
  return piece.reference ? referenceName(*piece.reference) : "a probed input";
}

std::string patternText(const std::vector<Piece>& pieces) {
  std::string text;
  for (const Piece& piece : pieces)
    text += piece.isHole() ? "${" + holeName(piece) + "}" : piece.literal;
  return text;
}

} // namespace pm::frontend
