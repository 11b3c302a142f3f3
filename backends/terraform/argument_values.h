// How a CloudFormation property value becomes the value of a curated Terraform argument, for the
// kinds that change its shape (see ArgumentKind).
#pragma once

#include "backends/terraform/expression_translator.h"

#include <string>
#include <string_view>
#include <vector>

namespace pm::tf {

// Tags / NameMap: a list of {Key, Value} (or {Name, Value}) as a map.
HclExprPtr keyValueMap(const ir::ExprPtr& value, std::string_view keyName,
                       ExpressionTranslator& translator);

// ApiJson: the document with camelCase keys, except inside the maps named in `keep`.
ir::ExprPtr apiCased(const ir::ExprPtr& value, const std::vector<std::string>& keep);

// Enabled: `trueWord` ("ENABLED") -> true, anything else false.
HclExprPtr enabledFlag(const ir::ExprPtr& value, const std::string& trueWord,
                       ExpressionTranslator& translator);

// Pluck: [{Name: a}, {Name: b}] -> [a, b] for `pluck Name`.
ir::ExprPtr plucked(const ArgumentMapping& argument, const ir::ExprPtr& list);

// Dropped: a property with no Terraform counterpart becomes a comment where it would go, and a
// TF010 warning at the property.
void writeDropped(const ArgumentMapping& argument, const ir::MapEntry& entry, HclBody& body,
                  ModuleScope& scope);

} // namespace pm::tf
