// CloudFormation YAML text from an expression tree: a whole template (a Map) or one value.
// Block style, two-space indentation, intrinsics as short tags (`!Ref X`) or long keys
// (`Ref: X`), strings quoted where YAML would read them as another type. Deterministic: the
// text depends only on the tree.
#pragma once

#include "ir/expr.h"

#include <string>

namespace pm::backends::sc {

enum class IntrinsicForm {
  Short, // !Ref, !Sub, ...; the long key where YAML forbids a tag (`Fn::Base64: !Sub ...`)
  Long,  // Ref:, Fn::Sub:, ... everywhere
};

// The YAML document of `root`, ending in a newline. Only CloudFormation nodes can be written:
// Proton references, Guarded, ForEach and LoopItemRef must have been lowered first (a
// programmer error otherwise, std::logic_error). Unsupported nodes are written as the value
// they were read from.
std::string writeCloudFormationYaml(const ir::ExprPtr& root,
                                    IntrinsicForm form = IntrinsicForm::Short);

} // namespace pm::backends::sc
