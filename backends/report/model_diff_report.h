// `diff` output: the model differences of two template versions as plain text, Markdown (a pull
// request comment) or JSON.
#pragma once

#include "ir/model_diff.h"

#include <string>
#include <vector>

namespace pm::backends::report {

struct DiffReport {
  std::string oldName, newName; // how the two versions were named on the command line
  ir::ModelDiff diff;
  // Whether the given spec (or the old defaults) still validates against the new version:
  // each problem on one line; `specChecked` false when no spec was given.
  bool specChecked = false;
  std::string specName;
  std::vector<std::string> specProblems;
  // What the comparison could not see, one sentence each (Jinja rendered with default values).
  std::vector<std::string> notes;
};

std::string diffReportText(const DiffReport& report);
std::string diffReportMarkdown(const DiffReport& report);
std::string diffReportJson(const DiffReport& report);

} // namespace pm::backends::report
