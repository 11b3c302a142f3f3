// Unique names in one CloudFormation namespace (Parameters and Resources share one; Conditions
// have their own): a wanted name is kept when free, else it gets the first free number.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace pm::backends::sc {

class NameRegistry {
public:
  // Marks a name as taken (a logical ID that is kept exactly).
  void reserve(const std::string& name) { taken_.insert(name); }
  bool taken(const std::string& name) const { return taken_.count(name) > 0; }
  // `wanted` reduced to letters and digits (CloudFormation's rule for logical names), made
  // unique, and taken.
  std::string claim(std::string_view wanted);

private:
  std::set<std::string> taken_;
};

// Letters and digits of `text` with each word capitalised: "environment.name" ->
// "EnvironmentName".
std::string pascalName(std::string_view text);

} // namespace pm::backends::sc
