// The CloudFormation intrinsic functions as data: long name, YAML short tag and the shape of
// their argument, so readers and passes interpret one table instead of repeating it.
#pragma once

#include "ir/expr.h"

#include <span>
#include <string_view>

namespace pm::ir {

enum class ArgumentShape {
  Scalar,  // one value of any shape (Fn::Base64: x)
  List,    // a list of minArguments..maxArguments values (Fn::Join: [d, list])
  Special, // read by hand: Ref, Fn::GetAtt, Fn::Sub, Fn::If, Condition, Fn::Transform
};

struct IntrinsicInfo {
  ExprKind kind;
  std::string_view longName; // the key of the long form: "Ref", "Fn::Join", "Condition"
  std::string_view shortTag; // the YAML tag: "!Ref", "!Join"
  ArgumentShape shape;
  int minArguments;
  int maxArguments;
};

std::span<const IntrinsicInfo> intrinsics();
const IntrinsicInfo* findIntrinsic(ExprKind kind);
const IntrinsicInfo* findIntrinsicByLongName(std::string_view name);
const IntrinsicInfo* findIntrinsicByTag(std::string_view tag);

} // namespace pm::ir
