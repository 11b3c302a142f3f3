#include "frontend/hcl/token.h"

namespace pm::frontend::hcl {

const char* tokenKindName(TokenKind kind) {
  switch (kind) {
  case TokenKind::Identifier:
    return "identifier";
  case TokenKind::Number:
    return "number";
  case TokenKind::Newline:
    return "newline";
  case TokenKind::Punctuation:
    return "punctuation";
  case TokenKind::OpenQuote:
    return "opening quote";
  case TokenKind::CloseQuote:
    return "closing quote";
  case TokenKind::OpenHeredoc:
    return "heredoc introducer";
  case TokenKind::CloseHeredoc:
    return "heredoc closing marker";
  case TokenKind::TemplateLiteral:
    return "template text";
  case TokenKind::TemplateInterpolation:
    return "'${'";
  case TokenKind::TemplateDirective:
    return "'%{'";
  case TokenKind::TemplateSequenceEnd:
    return "'}'";
  case TokenKind::EndOfFile:
    return "end of file";
  }
  return "token";
}

} // namespace pm::frontend::hcl
