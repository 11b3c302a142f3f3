// A Fn::ForEach::<Name> entry of a template's Resources (AWS::LanguageExtensions): the
// resources it declares exist only once CloudFormation expands the loop.
#pragma once

#include "ir/expr.h"
#include "ir/resource.h"

#include <optional>
#include <vector>

namespace pm::ir {

struct ResourceLoopFragment {
  // Kept as written, [identifier, collection, {key template: resource}]: targets that keep
  // the transform (CDK, Service Catalog) write it back and CloudFormation expands it there.
  // No pass looks inside.
  MapEntry written;
  // The resources CloudFormation expands it to, when the collection is a literal list of
  // strings (targets without such a loop write these); nullopt when only the deployed
  // parameters can tell.
  std::optional<std::vector<Resource>> expansion;
};

} // namespace pm::ir
