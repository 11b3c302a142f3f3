// Walks each property value along its type from the type table; a value that is not a literal
// of the expected shape (an intrinsic, a Proton reference) is left alone, except that both
// branches of Fn::If and of a guard are typed like the property.
#include "ir/passes/repair_yaml_slips.h"

#include <fmt/format.h>

#include <array>

namespace pm::ir {

namespace {

// YAML 1.1's boolean words (yaml.org/type/bool.html) other than true/false, which CloudFormation
// reads as booleans and the JSON-schema checkers of today's tools read as strings.
struct BooleanWord {
  std::string_view word;
  bool value;
};
constexpr std::array<BooleanWord, 18> kBooleanWords{{
    {"y", true},
    {"Y", true},
    {"yes", true},
    {"Yes", true},
    {"YES", true},
    {"on", true},
    {"On", true},
    {"ON", true},
    {"True", true},
    {"n", false},
    {"N", false},
    {"no", false},
    {"No", false},
    {"NO", false},
    {"off", false},
    {"Off", false},
    {"OFF", false},
    {"False", false},
}};

class SlipRepair {
public:
  SlipRepair(const ResourceType& type, Diagnostics& diagnostics)
      : type_(type), diagnostics_(diagnostics) {}

  ExprPtr properties(const ExprPtr& value) {
    if (!value || value->kind() != ExprKind::Map)
      return value;
    return object(value, type_.properties());
  }

private:
  ExprPtr typed(const ExprPtr& value, std::string_view type) {
    if (!value)
      return value;
    switch (value->kind()) {
    case ExprKind::If:
      return Expr::ifThen(value->name(), typed(value->arguments()[0], type),
                          typed(value->arguments()[1], type), value->location());
    case ExprKind::Guarded:
      return Expr::guarded(value->name(), typed(value->arguments()[0], type),
                           typed(value->arguments()[1], type), value->location());
    case ExprKind::String:
      return type == "boolean" ? boolean(value) : value;
    case ExprKind::List:
      return type.starts_with("list<") ? list(value, type.substr(5, type.size() - 6)) : value;
    case ExprKind::Map:
      if (type.starts_with("map<"))
        return map(value, type.substr(4, type.size() - 5));
      if (const PropertyType* nested = type_.nestedType(type))
        return object(value, nested->properties);
      return value;
    default:
      return value;
    }
  }

  ExprPtr boolean(const ExprPtr& value) {
    for (const BooleanWord& word : kBooleanWords)
      if (value->text() == word.word) {
        diagnostics_.warning(kYamlBooleanRule, value->location(),
                             fmt::format("'{}' is a YAML 1.1 boolean where the property is "
                                         "Boolean: it is written as {}",
                                         word.word, word.value ? "true" : "false"));
        return Expr::boolean(word.value, value->location());
      }
    return value;
  }

  ExprPtr list(const ExprPtr& value, std::string_view itemType) {
    std::vector<ExprPtr> items;
    for (const ExprPtr& item : value->items())
      items.push_back(typed(item, itemType));
    return Expr::list(std::move(items), value->location());
  }

  ExprPtr map(const ExprPtr& value, std::string_view valueType) {
    std::vector<MapEntry> entries;
    for (const MapEntry& entry : value->entries())
      entries.push_back({entry.key, entry.keyLocation, typed(entry.value, valueType)});
    return Expr::map(std::move(entries), value->location());
  }

  static const PropertyInfo* find(const std::vector<PropertyInfo>& properties,
                                  std::string_view name) {
    for (const PropertyInfo& property : properties)
      if (property.name == name)
        return &property;
    return nullptr;
  }

  ExprPtr object(const ExprPtr& value, const std::vector<PropertyInfo>& properties) {
    ExprPtr reindented = reindentedKeys(value, properties);
    std::vector<MapEntry> entries;
    for (const MapEntry& entry : reindented->entries()) {
      const PropertyInfo* property = find(properties, entry.key);
      entries.push_back({entry.key, entry.keyLocation,
                         property ? typed(entry.value, property->type) : entry.value});
    }
    return Expr::map(std::move(entries), value->location());
  }

  // The empty entry whose nested type has the keys the object itself does not have.
  ExprPtr reindentedKeys(const ExprPtr& value, const std::vector<PropertyInfo>& properties) {
    const MapEntry* empty = nullptr;
    const PropertyType* nested = nullptr;
    for (const MapEntry& entry : value->entries()) {
      const PropertyInfo* property = find(properties, entry.key);
      if (entry.value && entry.value->kind() == ExprKind::Null && property)
        if (const PropertyType* type = type_.nestedType(property->type)) {
          empty = &entry;
          nested = type;
        }
    }
    if (!empty)
      return value;
    std::vector<MapEntry> kept, moved;
    for (const MapEntry& entry : value->entries()) {
      if (&entry != empty && !find(properties, entry.key) && nested->property(entry.key)) {
        diagnostics_.warning(kReindentedKeyRule, entry.keyLocation,
                             fmt::format("'{}' is written beside the empty '{}' instead of "
                                         "inside it (an indentation slip): it is moved inside",
                                         entry.key, empty->key));
        moved.push_back(entry);
      } else {
        kept.push_back(entry);
      }
    }
    if (moved.empty())
      return value;
    for (MapEntry& entry : kept)
      if (entry.key == empty->key)
        entry.value = Expr::map(std::move(moved), entry.value->location());
    return Expr::map(std::move(kept), value->location());
  }

  const ResourceType& type_;
  Diagnostics& diagnostics_;
};

} // namespace

void repairYamlSlips(Module& module, const TypeTable& table, Diagnostics& diagnostics) {
  for (Resource& resource : module.resources) {
    const ResourceType* type = table.find(resource.type);
    if (!type || type->isTransformType())
      continue;
    resource.properties = SlipRepair(*type, diagnostics).properties(resource.properties);
  }
}

void repairYamlSlips(Module& module, Diagnostics& diagnostics) {
  repairYamlSlips(module, TypeTable::instance(), diagnostics);
}

} // namespace pm::ir
