// Arguments of a call, filter or test, bound to a Python-style signature so that keyword and
// positional forms both work (`indent(2, true)` and `indent(width=2, first=true)`).
#pragma once

#include "frontend/jinja/template_error.h"
#include "frontend/jinja/value.h"

#include <string>
#include <utility>
#include <vector>

namespace pm::jinja {

struct CallArgs {
  ValueList positional;
  std::vector<std::pair<std::string, Value>> keywords;
  Position position;
};

struct Parameter {
  std::string name;
  Value fallback; // Undefined means "required"
  bool required = false;
};

// Binds `args` to `parameters` like Python does, raising Python's TypeError wording.
class BoundArgs {
public:
  BoundArgs(const std::string& function, const CallArgs& args, std::vector<Parameter> parameters);
  const Value& operator[](std::size_t index) const { return values_[index]; }
  const Value& operator[](const std::string& name) const;

private:
  std::vector<Parameter> parameters_;
  ValueList values_;
};

// An integer argument (a bool counts, as in Python); anything else is a render error naming `what`.
std::int64_t intParam(const Value& value, const std::string& what, Position position);

} // namespace pm::jinja
