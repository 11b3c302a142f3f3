// Mapping lookups (what Fn::FindInMap does with literal keys).
#include "ir/mapping.h"

namespace pm::ir {

ExprPtr Mapping::find(std::string_view topLevelKey, std::string_view secondLevelKey) const {
  if (!entries || entries->kind() != ExprKind::Map)
    return nullptr;
  const MapEntry* top = entries->find(topLevelKey);
  if (!top || !top->value || top->value->kind() != ExprKind::Map)
    return nullptr;
  const MapEntry* second = top->value->find(secondLevelKey);
  return second ? second->value : nullptr;
}

} // namespace pm::ir
