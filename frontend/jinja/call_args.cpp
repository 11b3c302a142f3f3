// Python's argument binding, with its TypeError messages.
#include "frontend/jinja/call_args.h"

#include "frontend/jinja/python_ops.h"

namespace pm::jinja {

BoundArgs::BoundArgs(const std::string& function, const CallArgs& args,
                     std::vector<Parameter> parameters)
    : parameters_(std::move(parameters)) {
  std::size_t count = parameters_.size();
  values_.assign(count, Value());
  std::vector<bool> given(count, false);
  for (std::size_t i = 0; i < args.positional.size(); ++i) {
    if (i >= count)
      renderError(args.position, function + "() takes " + std::to_string(count) +
                                     " positional arguments but " +
                                     std::to_string(args.positional.size()) + " were given");
    values_[i] = args.positional[i];
    given[i] = true;
  }
  for (const auto& [name, value] : args.keywords) {
    std::size_t i = 0;
    while (i < count && parameters_[i].name != name)
      ++i;
    if (i == count)
      renderError(args.position, function + "() got an unexpected keyword argument '" + name + "'");
    if (given[i])
      renderError(args.position, function + "() got multiple values for argument '" + name + "'");
    values_[i] = value;
    given[i] = true;
  }
  for (std::size_t i = 0; i < count; ++i) {
    if (given[i])
      continue;
    if (parameters_[i].required)
      renderError(args.position, function + "() missing 1 required positional argument: '" +
                                     parameters_[i].name + "'");
    values_[i] = parameters_[i].fallback;
  }
}

const Value& BoundArgs::operator[](const std::string& name) const {
  for (std::size_t i = 0; i < parameters_.size(); ++i)
    if (parameters_[i].name == name)
      return values_[i];
  throw std::logic_error("unknown parameter " + name);
}

std::int64_t intParam(const Value& v, const std::string& what, Position position) {
  requireDefined(v, position);
  if (v.isInt())
    return v.asInt();
  if (v.isBool())
    return v.asBool();
  renderError(position, what + " must be an integer, got " + pythonTypeName(v));
}

} // namespace pm::jinja
