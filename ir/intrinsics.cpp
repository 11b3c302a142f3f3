// The intrinsic function table. Argument counts follow the CloudFormation intrinsic function
// reference
// (docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html).
#include "ir/intrinsics.h"

#include <array>

namespace pm::ir {

namespace {

using enum ArgumentShape;

constexpr std::array kIntrinsics{
    IntrinsicInfo{ExprKind::Ref, "Ref", "!Ref", Special, 1, 1},
    IntrinsicInfo{ExprKind::GetAtt, "Fn::GetAtt", "!GetAtt", Special, 2, 2},
    IntrinsicInfo{ExprKind::Sub, "Fn::Sub", "!Sub", Special, 1, 2},
    IntrinsicInfo{ExprKind::Join, "Fn::Join", "!Join", List, 2, 2},
    IntrinsicInfo{ExprKind::Select, "Fn::Select", "!Select", List, 2, 2},
    IntrinsicInfo{ExprKind::Split, "Fn::Split", "!Split", List, 2, 2},
    IntrinsicInfo{ExprKind::If, "Fn::If", "!If", Special, 3, 3},
    IntrinsicInfo{ExprKind::Equals, "Fn::Equals", "!Equals", List, 2, 2},
    // And/Or take 2 to 10 conditions.
    IntrinsicInfo{ExprKind::And, "Fn::And", "!And", List, 2, 10},
    IntrinsicInfo{ExprKind::Or, "Fn::Or", "!Or", List, 2, 10},
    IntrinsicInfo{ExprKind::Not, "Fn::Not", "!Not", List, 1, 1},
    IntrinsicInfo{ExprKind::Condition, "Condition", "!Condition", Special, 1, 1},
    // The fourth argument is the AWS::LanguageExtensions {DefaultValue: x} map.
    IntrinsicInfo{ExprKind::FindInMap, "Fn::FindInMap", "!FindInMap", List, 3, 4},
    IntrinsicInfo{ExprKind::GetAZs, "Fn::GetAZs", "!GetAZs", Scalar, 1, 1},
    IntrinsicInfo{ExprKind::Cidr, "Fn::Cidr", "!Cidr", List, 3, 3},
    IntrinsicInfo{ExprKind::ImportValue, "Fn::ImportValue", "!ImportValue", Scalar, 1, 1},
    IntrinsicInfo{ExprKind::Base64, "Fn::Base64", "!Base64", Scalar, 1, 1},
    IntrinsicInfo{ExprKind::Length, "Fn::Length", "!Length", Scalar, 1, 1},
    IntrinsicInfo{ExprKind::ToJsonString, "Fn::ToJsonString", "!ToJsonString", Scalar, 1, 1},
    IntrinsicInfo{ExprKind::Transform, "Fn::Transform", "!Transform", Special, 1, 1},
};

} // namespace

std::span<const IntrinsicInfo> intrinsics() {
  return kIntrinsics;
}

const IntrinsicInfo* findIntrinsic(ExprKind kind) {
  for (const IntrinsicInfo& info : kIntrinsics)
    if (info.kind == kind)
      return &info;
  return nullptr;
}

const IntrinsicInfo* findIntrinsicByLongName(std::string_view name) {
  for (const IntrinsicInfo& info : kIntrinsics)
    if (info.longName == name)
      return &info;
  return nullptr;
}

const IntrinsicInfo* findIntrinsicByTag(std::string_view tag) {
  for (const IntrinsicInfo& info : kIntrinsics)
    if (info.shortTag == tag)
      return &info;
  return nullptr;
}

} // namespace pm::ir
