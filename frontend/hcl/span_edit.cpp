#include "frontend/hcl/span_edit.h"

#include <algorithm>

namespace pm::frontend::hcl {

std::optional<std::string> applySpanEdits(std::string_view text, std::vector<SpanEdit> edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const SpanEdit& a, const SpanEdit& b) {
    return a.span.begin < b.span.begin;
  });
  std::string out;
  std::size_t at = 0;
  for (const SpanEdit& edit : edits) {
    if (edit.span.begin < at || edit.span.end < edit.span.begin || edit.span.end > text.size())
      return std::nullopt;
    out.append(text.substr(at, edit.span.begin - at));
    out += edit.replacement;
    at = edit.span.end;
  }
  out.append(text.substr(at));
  return out;
}

Span wholeLines(std::string_view text, Span span) {
  std::size_t begin = span.begin;
  while (begin > 0 && (text[begin - 1] == ' ' || text[begin - 1] == '\t'))
    --begin;
  bool lineStart = begin == 0 || text[begin - 1] == '\n';
  std::size_t end = span.end;
  while (end < text.size() && (text[end] == ' ' || text[end] == '\t'))
    ++end;
  if (end < text.size() && text[end] == '\r')
    ++end;
  bool lineEnd = end == text.size() || text[end] == '\n';
  if (!lineStart || !lineEnd)
    return span;
  return {begin, std::min(end + 1, text.size())};
}

} // namespace pm::frontend::hcl
