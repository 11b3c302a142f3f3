// Fn::Sub template string parsing, following the Fn::Sub reference page: a variable is
// "${" name "}", a name may carry ".Attribute", and "${!" escapes the whole "${...}".
#include "frontend/cloudformation/sub_template.h"

namespace pm::frontend {

namespace {

void appendText(std::vector<ParsedSubPart>& parts, std::string_view text, std::size_t offset) {
  if (text.empty())
    return;
  if (!parts.empty() && parts.back().part.kind == ir::SubPart::Kind::Text) {
    parts.back().part.text += text;
    return;
  }
  ParsedSubPart part;
  part.part.text = std::string(text);
  part.offset = offset;
  parts.push_back(std::move(part));
}

ParsedSubPart variablePart(std::string_view body, std::size_t offset) {
  ParsedSubPart out;
  out.offset = offset;
  if (body.starts_with("!")) {
    out.part.kind = ir::SubPart::Kind::EscapedVariable;
    out.part.text = std::string(body.substr(1));
    return out;
  }
  out.part.kind = ir::SubPart::Kind::Variable;
  std::size_t dot = body.find('.');
  out.part.name = std::string(body.substr(0, dot));
  if (dot != std::string_view::npos)
    out.part.attribute = std::string(body.substr(dot + 1));
  return out;
}

} // namespace

std::vector<ParsedSubPart> parseSubTemplate(std::string_view source) {
  std::vector<ParsedSubPart> parts;
  std::size_t position = 0;
  while (position < source.size()) {
    std::size_t open = source.find("${", position);
    std::size_t close = open == std::string_view::npos ? open : source.find('}', open + 2);
    if (close == std::string_view::npos) {
      appendText(parts, source.substr(position), position);
      break;
    }
    appendText(parts, source.substr(position, open - position), position);
    std::string_view body = source.substr(open + 2, close - open - 2);
    if (body.empty())
      appendText(parts, "${}", open); // not a variable; CloudFormation prints it as is
    else
      parts.push_back(variablePart(body, open));
    position = close + 1;
  }
  return parts;
}

} // namespace pm::frontend
