// Value conversions of the curated argument kinds. Each relies on how CloudFormation and the
// aws provider write the same value: tag lists vs maps, the ECS API's camelCase JSON,
// ENABLED/DISABLED strings vs booleans.
#include "backends/terraform/argument_values.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace pm::tf {

// A JSON document with the API's camelCase keys: "PortMappings" -> "portMappings". The maps
// under a key in `keep` hold user keys ("awslogs-group") and stay as written.
ir::ExprPtr apiCased(const ir::ExprPtr& value, const std::vector<std::string>& keep) {
  if (!value)
    return value;
  if (value->kind() == ir::ExprKind::List) {
    std::vector<ir::ExprPtr> items;
    for (const ir::ExprPtr& item : value->items())
      items.push_back(apiCased(item, keep));
    return ir::Expr::list(std::move(items), value->location());
  }
  if (value->kind() != ir::ExprKind::Map)
    return value;
  std::vector<ir::MapEntry> entries;
  for (const ir::MapEntry& entry : value->entries()) {
    std::string key = entry.key;
    if (!key.empty())
      key[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(key[0])));
    bool userKeys = std::find(keep.begin(), keep.end(), entry.key) != keep.end();
    entries.push_back(
        ir::MapEntry{key, entry.keyLocation, userKeys ? entry.value : apiCased(entry.value, keep)});
  }
  return ir::Expr::map(std::move(entries), value->location());
}

// `trueWord` -> true; a value known only at apply time is compared.
HclExprPtr enabledFlag(const ir::ExprPtr& value, const std::string& trueWord,
                       ExpressionTranslator& translator) {
  if (value->kind() == ir::ExprKind::String)
    return HclExpr::raw(value->text() == trueWord ? "true" : "false");
  return HclExpr::sequence(
      {translator.translate(value), HclExpr::raw(" == " + inlineText(hclString(trueWord)))});
}

// A list of {Key, Value} (or {Name, Value}) as a map: literal items become entries, anything
// else a for expression.
HclExprPtr keyValueMap(const ir::ExprPtr& value, std::string_view keyName,
                       ExpressionTranslator& translator) {
  bool literal = value->kind() == ir::ExprKind::List;
  if (literal)
    for (const ir::ExprPtr& item : value->items())
      literal = literal && item->kind() == ir::ExprKind::Map && item->find(keyName) &&
                item->find("Value") && item->entries().size() == 2;
  if (!literal)
    return HclExpr::sequence(
        {HclExpr::raw("{ for item in "), translator.translate(value),
         HclExpr::raw(" : item." + std::string(keyName) + " => item.Value }")});
  std::vector<HclEntry> entries;
  for (const ir::ExprPtr& item : value->items()) {
    const ir::ExprPtr& key = item->find(keyName)->value;
    std::string printedKey = key->kind() == ir::ExprKind::String
                                 ? key->text()
                                 : "(" + inlineText(translator.translate(key)) + ")";
    entries.push_back(HclEntry{printedKey, translator.translate(item->find("Value")->value)});
  }
  return HclExpr::object(std::move(entries));
}

// curated_coverage made sure every item is a map holding the field.
ir::ExprPtr plucked(const ArgumentMapping& argument, const ir::ExprPtr& list) {
  std::vector<ir::ExprPtr> fields;
  for (const ir::ExprPtr& item : list->items())
    fields.push_back(item->find(argument.keep.front())->value);
  return ir::Expr::list(std::move(fields), list->location());
}

void writeDropped(const ArgumentMapping& argument, const ir::MapEntry& entry, HclBody& body,
                  ModuleScope& scope) {
  std::string reason;
  for (const std::string& word : argument.keep)
    reason += (reason.empty() ? "" : " ") + word;
  scope.diagnostics.warning(
      kDroppedPropertyRule, entry.keyLocation,
      fmt::format("{} has no Terraform counterpart and is left out: {}", entry.key, reason));
  body.comment(fmt::format("{} is left out: {}", entry.key, reason));
}

} // namespace pm::tf
