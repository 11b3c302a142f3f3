// Which bundles of a template repository read an environment's or a component's outputs: the
// consumers `diff --consumers` names when a new version removes an output.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace pm::driver {

class OutputReaders {
public:
  // Reads the template files of every bundle under `root`.
  explicit OutputReaders(const std::string& root);

  // The bundles (paths relative to the root) whose templates read output `name` of the
  // environment (`producer` "environment") or of the attached component ("component").
  std::vector<std::string> readersOf(const std::string& producer, const std::string& name) const;

private:
  std::vector<std::pair<std::string, std::string>> templates_; // bundle path, all its IaC text
};

} // namespace pm::driver
