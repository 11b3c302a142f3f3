// Rewriting a file by replacing byte spans, the way a Terraform bundle becomes a plain module:
// `var.environment.inputs.x` → `var.x`, a Proton variable block → nothing. Everything outside
// the spans (comments, layout) stays as the author wrote it.
#pragma once

#include "frontend/hcl/token.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pm::frontend::hcl {

struct SpanEdit {
  Span span;
  std::string replacement;
};

// `text` with every edit applied. Edits may come in any order; nothing when two overlap or one
// reaches past the end (a caller bug, never an input problem).
std::optional<std::string> applySpanEdits(std::string_view text, std::vector<SpanEdit> edits);

// The span of a whole-line construct (a block being dropped) widened to its line: the blanks
// before it and the newline after it, so removing it leaves no empty line behind.
Span wholeLines(std::string_view text, Span span);

} // namespace pm::frontend::hcl
