// The names a generated stack file declares itself (props parameter, inputs object, guard and
// loop variables, imports), kept apart from each other and from the model's CDK identifiers.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace pm::backends::cdk {

class LocalNames {
public:
  void take(std::string name) { taken_.insert(std::move(name)); }
  bool taken(std::string_view name) const { return taken_.count(std::string(name)) > 0; }
  // `base`, or `base2`, `base3`, ... whichever is free first; the result is taken.
  std::string fresh(const std::string& base);

private:
  std::set<std::string> taken_;
};

} // namespace pm::backends::cdk
