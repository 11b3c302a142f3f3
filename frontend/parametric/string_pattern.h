// A deployed string matched against the bundle's: literal text with holes where a reference or
// a probe token (probe_tokens.h) was printed, each hole filled with the deployed text there.
#pragma once

#include "ir/expr.h"

#include <optional>
#include <string>
#include <vector>

namespace pm::frontend {

struct Piece {
  std::string literal;
  ir::ExprPtr reference;            // set for a reference's hole
  std::optional<std::size_t> probe; // set for a probe token's hole

  bool isHole() const { return reference || probe; }
};

// Holes filled left to right, each with the shortest text that lets the rest match; `filled`
// has one entry per piece.
bool fillHoles(const std::vector<Piece>& pieces, std::size_t index, const std::string& text,
               std::size_t position, std::vector<std::string>& filled);

// Appends literal text, with any probe tokens in it as holes.
void pushLiteral(std::vector<Piece>& pieces, const std::string& text);

// "module.output" for an UpstreamOutputRef, the name of any other reference.
std::string referenceName(const ir::Expr& reference);

std::string holeName(const Piece& piece);

// The pattern as text, holes as ${name}, for messages.
std::string patternText(const std::vector<Piece>& pieces);

} // namespace pm::frontend
