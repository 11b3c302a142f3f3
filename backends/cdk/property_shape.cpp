// Reading the shape encoding of the class table.
#include "backends/cdk/property_shape.h"

namespace pm::backends::cdk {

namespace {

// The length of the shape starting at `text`.
std::size_t shapeLength(std::string_view text) {
  if (text.empty())
    return 0;
  switch (text.front()) {
  case 'R':
  case 'L':
  case 'M':
    return 1 + shapeLength(text.substr(1));
  case 'S':
    return text.find(';') + 1;
  case 'U': {
    std::size_t at = 1;
    while (at < text.size() && text[at] != ';') {
      at += shapeLength(text.substr(at));
      if (at < text.size() && text[at] == '|')
        ++at;
    }
    return at + 1;
  }
  default:
    return 1;
  }
}

} // namespace

char PropertyShape::kind() const {
  std::string_view b = body();
  return b.empty() ? 'j' : b.front();
}

PropertyShape PropertyShape::element() const {
  std::string_view b = body();
  return PropertyShape(b.substr(1, shapeLength(b.substr(1))));
}

std::string_view PropertyShape::structId() const {
  std::string_view b = body();
  std::size_t end = b.find(';');
  return b.substr(1, end == std::string_view::npos ? end : end - 1);
}

std::vector<PropertyShape> PropertyShape::members() const {
  std::vector<PropertyShape> result;
  std::string_view b = body();
  std::size_t at = 1;
  while (at < b.size() && b[at] != ';') {
    std::size_t length = shapeLength(b.substr(at));
    result.emplace_back(b.substr(at, length));
    at += length;
    if (at < b.size() && b[at] == '|')
      ++at;
  }
  return result;
}

} // namespace pm::backends::cdk
