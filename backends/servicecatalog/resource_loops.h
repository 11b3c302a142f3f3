// Resources repeated by a Jinja `for` (ir::ResourceLoop) as Fn::ForEach of the
// AWS::LanguageExtensions transform, where the loop fits it: a list parameter as the
// collection, the element itself as the only loop value, and logical IDs that vary only by the
// element. Anything else is left out of the product template with a MIG008 warning.
#pragma once

#include "backends/servicecatalog/name_registry.h"
#include "backends/servicecatalog/reference_lowering.h"
#include "ir/diagnostics.h"
#include "ir/resource.h"

#include <functional>
#include <optional>

namespace pm::backends::sc {

// Builds a resource's entry value (Type, Properties, ...) with `lowering` set for the loop.
using ResourceBodyBuilder = std::function<ir::ExprPtr(const ir::Resource&)>;

// The Resources entry ("Fn::ForEach::Name": [Identifier, Collection, {Id&{Identifier}: ...}])
// of a looped resource, or nothing (with a diagnostic) when the loop does not fit.
std::optional<ir::MapEntry> forEachResource(const ir::Resource& resource,
                                            const ResourceBodyBuilder& body,
                                            ReferenceLowering& lowering, NameRegistry& names,
                                            ir::Diagnostics& diagnostics);

} // namespace pm::backends::sc
