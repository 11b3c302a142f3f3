// Whether a curated mapping covers what a resource sets: every property, the keys of block
// arguments, keyed attributes and companion properties. A resource it does not cover goes to
// awscc, so nothing the mapping cannot write is dropped.
#include "backends/terraform/curated_coverage.h"
#include "ir/guard_evaluation.h"

#include <algorithm>

namespace pm::tf {

namespace {

bool coversArguments(const std::vector<ArgumentMapping>& arguments, const ir::ExprPtr& value);

bool coversKeyed(const ArgumentMapping& mapping, const ir::ExprPtr& value) {
  if (value->kind() != ir::ExprKind::List)
    return false;
  return std::all_of(value->items().begin(), value->items().end(),
                     [&](const ir::ExprPtr& item) { return keyedArgument(mapping, item); });
}

// Every item is a literal {Field, Values} with a field the mapping allows.
bool coversFieldBlocks(const ArgumentMapping& mapping, const ir::ExprPtr& value) {
  if (value->kind() != ir::ExprKind::List)
    return false;
  return std::all_of(value->items().begin(), value->items().end(), [&](const ir::ExprPtr& item) {
    if (item->kind() != ir::ExprKind::Map || item->entries().size() != 2 || !item->find("Values"))
      return false;
    const ir::MapEntry* field = item->find("Field");
    return field && field->value->kind() == ir::ExprKind::String &&
           std::find(mapping.keep.begin(), mapping.keep.end(), field->value->text()) !=
               mapping.keep.end();
  });
}

// Every item is a literal map holding only the field plucked.
bool coversPluck(const ArgumentMapping& mapping, const ir::ExprPtr& value) {
  if (value->kind() != ir::ExprKind::List)
    return false;
  return std::all_of(value->items().begin(), value->items().end(), [&](const ir::ExprPtr& item) {
    return item->kind() == ir::ExprKind::Map && item->entries().size() == 1 &&
           item->find(mapping.keep.front());
  });
}

bool coversMap(const std::vector<ArgumentMapping>& arguments, const ir::ExprPtr& map) {
  if (!map || map->kind() != ir::ExprKind::Map)
    return false;
  for (const ir::MapEntry& entry : map->entries()) {
    auto found = std::find_if(arguments.begin(), arguments.end(),
                              [&](const ArgumentMapping& a) { return a.property == entry.key; });
    if (found == arguments.end())
      return false;
    if ((found->kind == ArgumentKind::Block || found->kind == ArgumentKind::Blocks) &&
        !coversArguments(found->nested, entry.value))
      return false;
    if (found->kind == ArgumentKind::Inline && !coversMap(found->nested, entry.value))
      return false;
    if (found->kind == ArgumentKind::Spread && entry.value->kind() != ir::ExprKind::Ref)
      return false;
    if (found->kind == ArgumentKind::Keyed && !coversKeyed(*found, entry.value))
      return false;
    if (found->kind == ArgumentKind::FieldBlocks && !coversFieldBlocks(*found, entry.value))
      return false;
    if (found->kind == ArgumentKind::Pluck && !coversPluck(*found, entry.value))
      return false;
    if (found->kind == ArgumentKind::Single &&
        (entry.value->kind() != ir::ExprKind::List || entry.value->items().size() != 1))
      return false;
  }
  return true;
}

// A block argument is written as literal blocks: its value must be a literal map (Block) or a
// literal list of literal maps (Blocks), with every key mapped.
bool coversArguments(const std::vector<ArgumentMapping>& arguments, const ir::ExprPtr& value) {
  if (value && value->kind() == ir::ExprKind::List) {
    for (const ir::ExprPtr& item : value->items())
      if (!coversMap(arguments, repeatedBlockContent(item)))
        return false;
    return true;
  }
  return coversMap(arguments, value);
}

} // namespace

// A list item that becomes a dynamic block: a Jinja loop's item, or an item a guard leaves out.
bool isDynamicItem(const ir::ExprPtr& item) {
  if (item->kind() == ir::ExprKind::ForEach)
    return true;
  return item->kind() == ir::ExprKind::Guarded &&
         (ir::isNoValue(item->arguments()[0]) || ir::isNoValue(item->arguments()[1]));
}

// The block content of a list item: the item itself, or what a dynamic block repeats.
ir::ExprPtr repeatedBlockContent(const ir::ExprPtr& item) {
  if (item->kind() == ir::ExprKind::ForEach)
    return item->arguments()[1];
  if (isDynamicItem(item))
    return ir::isNoValue(item->arguments()[0]) ? item->arguments()[1] : item->arguments()[0];
  return item;
}

// The (key, argument) pair a {Key, Value} item names; nullptr when the item is not literal or
// its key has no argument.
const std::pair<std::string, std::string>* keyedArgument(const ArgumentMapping& mapping,
                                                         const ir::ExprPtr& item) {
  if (item->kind() != ir::ExprKind::Map || item->entries().size() != 2 || !item->find("Value"))
    return nullptr;
  const ir::MapEntry* key = item->find("Key");
  if (!key || key->value->kind() != ir::ExprKind::String)
    return nullptr;
  for (const auto& pair : mapping.spread)
    if (pair.first == key->value->text())
      return &pair;
  return nullptr;
}

// The value a companion's arguments map: the property's map, or {".": value} for "." mappings.
ir::ExprPtr companionValue(const CompanionMapping& companion, const ir::ExprPtr& value) {
  bool whole = companion.arguments.size() == 1 && companion.arguments.front().property == ".";
  if (!whole)
    return value;
  return ir::Expr::map({ir::MapEntry{".", value->location(), value}}, value->location());
}

// Every property is an argument of the mapping or of one of its companions.
bool coversResource(const CuratedMapping& mapping, const ir::ExprPtr& properties) {
  if (!properties)
    return true;
  if (properties->kind() != ir::ExprKind::Map)
    return false;
  std::vector<ir::MapEntry> own;
  for (const ir::MapEntry& entry : properties->entries()) {
    const CompanionMapping* companion = mapping.companion(entry.key);
    if (!companion)
      own.push_back(entry);
    else if (!coversMap(companion->arguments, companionValue(*companion, entry.value)))
      return false;
  }
  return coversMap(mapping.arguments, ir::Expr::map(std::move(own), properties->location()));
}

const CuratedMapping* curatedMappingFor(const ir::Resource& resource, const MappingTables& tables) {
  const CuratedMapping* curated = tables.curated(resource.type);
  if (!curated)
    return nullptr;
  for (const std::string& property : curated->required)
    if (!resource.properties || !resource.properties->find(property))
      return nullptr;
  return coversResource(*curated, resource.properties) ? curated : nullptr;
}

} // namespace pm::tf
