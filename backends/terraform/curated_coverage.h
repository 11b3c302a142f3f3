// Whether a curated mapping covers a resource's properties, and the helpers the resource writer
// shares with that test: which list items become dynamic blocks, which argument a keyed
// attribute names, what a companion's arguments map.
#pragma once

#include "backends/terraform/resource_mapping.h"
#include "ir/expr.h"
#include "ir/resource.h"

#include <string>
#include <utility>

namespace pm::tf {

// A list item that becomes a dynamic block: a Jinja loop's item, or an item a guard leaves out.
bool isDynamicItem(const ir::ExprPtr& item);
// The block content of a list item: the item itself, or what a dynamic block repeats.
ir::ExprPtr repeatedBlockContent(const ir::ExprPtr& item);
// The (key, argument) pair a {Key, Value} item names; nullptr when the item is not literal or
// its key has no argument.
const std::pair<std::string, std::string>* keyedArgument(const ArgumentMapping& mapping,
                                                         const ir::ExprPtr& item);
// The value a companion's arguments map: the property's map, or {".": value} for "." mappings.
ir::ExprPtr companionValue(const CompanionMapping& companion, const ir::ExprPtr& value);
// Every property is an argument of the mapping or of one of its companions, block arguments
// are literal maps whose keys are mapped, keyed attributes name known arguments.
bool coversResource(const CuratedMapping& mapping, const ir::ExprPtr& properties);

// The curated mapping a resource converts with: its type's, when the resource sets every
// property Terraform requires and the mapping covers all it sets; nullptr otherwise (awscc).
const CuratedMapping* curatedMappingFor(const ir::Resource& resource, const MappingTables& tables);

} // namespace pm::tf
