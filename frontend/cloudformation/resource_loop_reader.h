// A Fn::ForEach::<Name> entry of Resources (AWS::LanguageExtensions), read into an
// ir::ResourceLoopFragment: kept as written, and expanded as CloudFormation would when its
// collection is a literal list of strings. The expansion replaces the loop's identifier in
// keys (`${Id}`, and `&{Id}`, which keeps only the element's letters and digits), in Ref and in
// Fn::Sub variables; a fragment holding anything it cannot rewrite (a nested loop) is kept
// unexpanded.
#pragma once

#include "ir/diagnostics.h"
#include "ir/resource_loop_fragment.h"

#include <optional>
#include <string_view>

namespace pm::frontend {

inline constexpr std::string_view kForEachPrefix = "Fn::ForEach::";

// Nothing, with a PRS008 error at the key, when the entry is not
// [identifier, collection, {key template: resource}].
std::optional<ir::ResourceLoopFragment> readResourceLoop(const ir::MapEntry& entry, bool serverless,
                                                         ir::Diagnostics& diagnostics);

} // namespace pm::frontend
