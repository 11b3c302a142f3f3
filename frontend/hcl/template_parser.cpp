// Templates: quoted strings and heredocs with `${ }` interpolations and `%{ if }`/`%{ for }`
// directives.
#include "frontend/hcl/parser_internals.h"

namespace pm::frontend::hcl {

NodeId Parser::parseQuotedTemplate() {
  DepthGuard guard(*this);
  std::size_t start = cursor_.nodeStart();
  cursor_.take();
  std::vector<NodeId> parts = parseTemplateParts();
  cursor_.expectKind(TokenKind::CloseQuote, "'\"' closing the string");
  return finishNode(NodeKind::Template, start, std::move(parts));
}

NodeId Parser::parseHeredoc() {
  DepthGuard guard(*this);
  std::size_t start = cursor_.nodeStart();
  cursor_.take();
  std::vector<NodeId> parts = parseTemplateParts();
  cursor_.expectKind(TokenKind::CloseHeredoc, "the heredoc's closing marker");
  return finishNode(NodeKind::Heredoc, start, std::move(parts));
}

// Parts up to the template's end or to a directive that belongs to the caller (else, endif,
// endfor).
std::vector<NodeId> Parser::parseTemplateParts() {
  std::vector<NodeId> parts;
  while (true) {
    std::size_t start = cursor_.nodeStart();
    switch (cursor_.peek().kind) {
    case TokenKind::TemplateLiteral:
      cursor_.take();
      parts.push_back(finishNode(NodeKind::TemplateText, start));
      break;
    case TokenKind::TemplateInterpolation:
      parts.push_back(parseInterpolation());
      break;
    case TokenKind::TemplateDirective:
      if (atDirective("else") || atDirective("endif") || atDirective("endfor"))
        return parts;
      parts.push_back(parseDirective());
      break;
    default:
      return parts;
    }
  }
}

NodeId Parser::parseInterpolation() {
  std::size_t start = cursor_.nodeStart();
  cursor_.take();
  cursor_.pushNewlines(false);
  NodeId value = parseExpression();
  cursor_.expectKind(TokenKind::TemplateSequenceEnd, "'}' closing the interpolation");
  cursor_.popNewlines();
  return finishNode(NodeKind::Interpolation, start, {value});
}

bool Parser::atDirective(std::string_view keyword) const {
  return cursor_.peekKind(TokenKind::TemplateDirective) && cursor_.peekIs(keyword, 1);
}

// `%{ keyword }`, e.g. `%{ else }` or `%{~ endif ~}`.
void Parser::expectDirective(std::string_view keyword) {
  std::string what = "'%{ " + std::string(keyword) + " }'";
  if (!atDirective(keyword))
    cursor_.failExpected(what);
  cursor_.take();
  cursor_.pushNewlines(false);
  cursor_.take();
  cursor_.expectKind(TokenKind::TemplateSequenceEnd, "'}' closing " + what);
  cursor_.popNewlines();
}

NodeId Parser::parseDirective() {
  DepthGuard guard(*this);
  std::size_t start = cursor_.nodeStart();
  if (atDirective("if"))
    return parseTemplateIf(start);
  if (atDirective("for"))
    return parseTemplateFor(start);
  cursor_.take();
  cursor_.failExpected("'if' or 'for' after '%{'");
}

NodeId Parser::parseTemplateIf(std::size_t start) {
  cursor_.take();
  cursor_.pushNewlines(false);
  cursor_.take(); // "if"
  std::vector<NodeId> children{parseExpression()};
  cursor_.expectKind(TokenKind::TemplateSequenceEnd, "'}' closing the if directive");
  cursor_.popNewlines();
  children.push_back(parseSequence());
  if (atDirective("else")) {
    expectDirective("else");
    children.push_back(parseSequence());
  }
  expectDirective("endif");
  return finishNode(NodeKind::TemplateIf, start, std::move(children));
}

NodeId Parser::parseTemplateFor(std::size_t start) {
  cursor_.take();
  cursor_.pushNewlines(false);
  parseForIntro();
  std::vector<NodeId> children{parseExpression()};
  cursor_.expectKind(TokenKind::TemplateSequenceEnd, "'}' closing the for directive");
  cursor_.popNewlines();
  children.push_back(parseSequence());
  expectDirective("endfor");
  return finishNode(NodeKind::TemplateFor, start, std::move(children));
}

NodeId Parser::parseSequence() {
  std::size_t start = cursor_.nodeStart();
  std::vector<NodeId> parts = parseTemplateParts();
  // An empty sequence covers no token: it sits where the next directive starts.
  std::size_t end = parts.empty() ? start : tree_.node(parts.back()).endToken;
  return tree_.addNode(Node{NodeKind::Sequence, start, end, std::move(parts)});
}

} // namespace pm::frontend::hcl
