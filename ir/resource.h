// A resource of a module, with its CloudFormation attributes.
#pragma once

#include "ir/expr.h"
#include "ir/guard.h"
#include "ir/located_name.h"
#include "ir/source_location.h"

#include <optional>
#include <string>
#include <vector>

namespace pm::ir {

struct Resource {
  std::string logicalId; // kept exactly: it is the identity of the deployed resource
  std::string type;      // e.g. "AWS::S3::Bucket"
  ExprPtr properties;    // a Map (or an intrinsic such as Fn::If); null when absent
  std::vector<LocatedName> dependsOn;
  std::optional<LocatedName> condition;
  // CloudFormation accepts Fn::If and Ref in the two policies, so they are expressions.
  ExprPtr deletionPolicy;
  ExprPtr updateReplacePolicy;
  ExprPtr updatePolicy;
  ExprPtr creationPolicy;
  ExprPtr metadata;
  // Attributes of transforms (SAM's Connectors) and others we keep but do not interpret.
  std::vector<MapEntry> otherAttributes;
  std::vector<Guard> guards;        // exists only when every guard holds (parametric mode)
  std::optional<ResourceLoop> loop; // repeated per element of a list (parametric mode)
  SourceLocation location;     // the logical ID's key
  SourceLocation typeLocation; // the Type value
};

} // namespace pm::ir
