// Line splitting.
#include "frontend/text_lines.h"

namespace pm::frontend {

std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      lines.push_back(text.substr(start));
      return lines;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

namespace {

// The length of the well-formed UTF-8 sequence at `at`, or 0 (RFC 3629's table of ranges).
std::size_t sequenceLength(const std::string& text, std::size_t at) {
  auto byte = [&](std::size_t i) {
    return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u;
  };
  unsigned lead = byte(at);
  if (lead < 0x80)
    return 1;
  auto inRange = [&](std::size_t i, unsigned low, unsigned high) {
    return byte(i) >= low && byte(i) <= high;
  };
  if (lead >= 0xC2 && lead <= 0xDF)
    return inRange(at + 1, 0x80, 0xBF) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    unsigned low = lead == 0xE0 ? 0xA0 : 0x80, high = lead == 0xED ? 0x9F : 0xBF;
    return inRange(at + 1, low, high) && inRange(at + 2, 0x80, 0xBF) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    unsigned low = lead == 0xF0 ? 0x90 : 0x80, high = lead == 0xF4 ? 0x8F : 0xBF;
    return inRange(at + 1, low, high) && inRange(at + 2, 0x80, 0xBF) && inRange(at + 3, 0x80, 0xBF)
               ? 4
               : 0;
  }
  return 0;
}

} // namespace

std::optional<std::pair<int, int>> firstInvalidUtf8(const std::string& text) {
  int line = 1;
  std::size_t lineStart = 0;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t length = sequenceLength(text, at);
    if (length == 0)
      return std::pair{line, static_cast<int>(at - lineStart) + 1};
    if (text[at] == '\n') {
      ++line;
      lineStart = at + 1;
    }
    at += length;
  }
  return std::nullopt;
}

} // namespace pm::frontend
