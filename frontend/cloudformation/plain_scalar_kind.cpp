// The core-schema reading of plain scalars, shared by both YAML readers.
#include "frontend/cloudformation/plain_scalar_kind.h"

#include "ir/text_cursor.h"

namespace pm::frontend {

namespace {

bool isNullText(std::string_view text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

bool isBoolText(std::string_view text) {
  return text == "true" || text == "True" || text == "TRUE" || text == "false" || text == "False" ||
         text == "FALSE";
}

// Matches [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? (every plain scalar is tested:
// a hand-written scan, not a regex).
bool isNumberText(std::string_view text) {
  ir::TextCursor cursor(text);
  cursor.one("-+");
  if (cursor.one(".")) {
    if (cursor.many(ir::kDecimalDigits) == 0)
      return false;
  } else if (cursor.many(ir::kDecimalDigits) == 0) {
    return false;
  } else if (cursor.one(".")) {
    cursor.many(ir::kDecimalDigits);
  }
  if (cursor.one("eE")) {
    cursor.one("-+");
    if (cursor.many(ir::kDecimalDigits) == 0)
      return false;
  }
  return cursor.atEnd();
}

} // namespace

SyntaxNode::Kind plainScalarKind(std::string_view text) {
  if (isNullText(text))
    return SyntaxNode::Kind::Null;
  if (isBoolText(text))
    return SyntaxNode::Kind::Bool;
  if (isNumberText(text))
    return SyntaxNode::Kind::Number;
  return SyntaxNode::Kind::String;
}

} // namespace pm::frontend
