// Maps lines of a rendered template back to the lines of its Jinja source, so a problem found in
// the rendered CloudFormation is reported where the author can fix it. Lines the render left
// untouched align exactly; a line produced by substitution maps to the source line in its place.
#pragma once

#include <string>
#include <vector>

namespace pm::frontend {

class RenderedLineMap {
public:
  RenderedLineMap(const std::string& source, const std::string& rendered);

  // 1-based source line for a 1-based rendered line.
  int sourceLine(int renderedLine) const;
  // Whether the rendered line is the source line unchanged (columns then match too).
  bool unchanged(int renderedLine) const;

private:
  std::vector<int> sourceLine_; // per rendered line (index 0 unused)
  std::vector<bool> unchanged_;
};

} // namespace pm::frontend
