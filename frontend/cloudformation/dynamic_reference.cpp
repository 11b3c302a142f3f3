// Dynamic references, as described on the CloudFormation "Using dynamic references" page:
// "{{resolve:service-name:reference-key}}", with service ssm, ssm-secure or secretsmanager.
#include "frontend/cloudformation/dynamic_reference.h"

#include <string_view>

namespace pm::frontend {

namespace {

constexpr std::string_view kOpen = "{{resolve:";
constexpr std::string_view kClose = "}}";

void appendText(ir::DynamicReferenceText& out, std::string_view text) {
  if (text.empty())
    return;
  if (!out.segments.empty() && !out.segments.back().isReference)
    out.segments.back().text += text;
  else
    out.segments.push_back({false, std::string(text), {}, {}});
}

} // namespace

std::optional<ir::DynamicReferenceText> parseDynamicReferences(const std::string& text) {
  if (text.find(kOpen) == std::string::npos)
    return std::nullopt;
  ir::DynamicReferenceText out;
  out.source = text;
  bool foundReference = false;
  std::size_t position = 0;
  while (position < text.size()) {
    std::size_t open = text.find(kOpen, position);
    std::size_t close = open == std::string::npos ? open : text.find(kClose, open + kOpen.size());
    if (close == std::string::npos) {
      appendText(out, std::string_view(text).substr(position));
      break;
    }
    appendText(out, std::string_view(text).substr(position, open - position));
    std::string body = text.substr(open + kOpen.size(), close - open - kOpen.size());
    std::size_t colon = body.find(':');
    ir::DynamicReferenceSegment segment{
        true, text.substr(open, close + kClose.size() - open), body.substr(0, colon), {}};
    if (colon != std::string::npos)
      segment.key = body.substr(colon + 1);
    out.segments.push_back(std::move(segment));
    foundReference = true;
    position = close + kClose.size();
  }
  if (!foundReference)
    return std::nullopt;
  return out;
}

} // namespace pm::frontend
