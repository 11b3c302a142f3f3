// The document tree both template syntaxes (YAML, JSON) are read into before the
// CloudFormation meaning (intrinsics, sections) is given to it: scalars keep their text,
// YAML tags and positions.
#pragma once

#include "ir/source_location.h"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace pm::frontend {

// The deepest nesting a template may have. Real templates stay below 20 levels; the bound keeps
// hostile input from exhausting the stack.
inline constexpr int kMaxTemplateDepth = 256;

struct SyntaxNode;

struct SyntaxKey {
  std::string text;
  ir::SourceLocation location;
};

struct SyntaxNode {
  enum class Kind { String, Number, Bool, Null, Sequence, Mapping };
  // Declared here, defined where SyntaxKey pairs are complete: clang would otherwise need the
  // vector of pairs below while SyntaxNode itself is incomplete.
  SyntaxNode();
  Kind kind = Kind::Null;
  std::string text; // scalars: the text as written (unquoted)
  std::string tag;  // YAML short-form tag such as "!Ref"; empty when none
  ir::SourceLocation location;
  std::size_t offset = 0;        // byte offset of the node in the source text
  std::vector<SyntaxNode> items; // Sequence
  std::vector<std::pair<SyntaxKey, SyntaxNode>> entries; // Mapping, in source order

  bool isScalar() const { return kind != Kind::Sequence && kind != Kind::Mapping; }
};

} // namespace pm::frontend
