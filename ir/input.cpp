// Names of input types, as the schema spells them.
#include "ir/input.h"

namespace pm::ir {

std::string_view inputTypeName(InputType type) {
  switch (type) {
  case InputType::String:
    return "string";
  case InputType::Number:
    return "number";
  case InputType::Integer:
    return "integer";
  case InputType::Boolean:
    return "boolean";
  case InputType::List:
    return "list";
  case InputType::Object:
    return "object";
  }
  return "string";
}

} // namespace pm::ir
