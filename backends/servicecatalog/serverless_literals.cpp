// Event paths and methods the SAM transform needs as plain strings.
#include "backends/servicecatalog/serverless_literals.h"

#include <array>
#include <string_view>

namespace pm::backends::sc {

namespace {

using ir::Expr;
using ir::ExprKind;
using ir::ExprPtr;
using ir::MapEntry;

constexpr std::array<std::string_view, 2> kLiteralEventTypes{"Api", "HttpApi"};
constexpr std::array<std::string_view, 2> kLiteralProperties{"Path", "Method"};

bool readsValues(const ExprPtr& expr) {
  bool found = false;
  ir::walkExpr(expr, [&](const Expr& node) {
    found = found || node.kind() == ExprKind::InputRef || node.kind() == ExprKind::ContextRef ||
            node.kind() == ExprKind::UpstreamOutputRef;
    return !found;
  });
  return found;
}

// The values with each module input's default where `given` has none.
ir::InputValues withDefaults(const ir::Module& module, const ir::InputValues& given) {
  ir::InputValues values = given;
  for (const ir::Input& input : module.inputs)
    if (input.defaultValue && !values.inputs.count(input.name))
      if (ExprPtr value = input.defaultValue; value->kind() == ExprKind::String)
        values.inputs[input.name] = {value->text(), value, !value->text().empty()};
  return values;
}

template <typename Rebuild> ExprPtr withEntries(const ExprPtr& map, Rebuild rebuild) {
  if (!map || map->kind() != ExprKind::Map)
    return map;
  std::vector<MapEntry> entries;
  for (const MapEntry& entry : map->entries())
    entries.push_back({entry.key, entry.keyLocation, rebuild(entry)});
  return Expr::map(std::move(entries), map->location());
}

bool isLiteralEvent(const ExprPtr& event) {
  const MapEntry* type = event && event->kind() == ExprKind::Map ? event->find("Type") : nullptr;
  if (!type || !type->value || type->value->kind() != ExprKind::String)
    return false;
  for (std::string_view literal : kLiteralEventTypes)
    if (type->value->text() == literal)
      return true;
  return false;
}

class Baker {
public:
  Baker(const ir::InputValues& values, ir::Diagnostics& diagnostics)
      : values_(values), diagnostics_(diagnostics) {}

  ExprPtr function(const ExprPtr& properties) {
    return withEntries(properties, [&](const MapEntry& entry) {
      return entry.key == "Events" ? withEntries(entry.value,
                                                 [&](const MapEntry& event) {
                                                   return isLiteralEvent(event.value)
                                                              ? eventWithLiterals(event.value)
                                                              : event.value;
                                                 })
                                   : entry.value;
    });
  }

private:
  ExprPtr eventWithLiterals(const ExprPtr& event) {
    return withEntries(event, [&](const MapEntry& entry) {
      return entry.key == "Properties" ? withEntries(entry.value,
                                                     [&](const MapEntry& property) {
                                                       return isLiteralProperty(property.key)
                                                                  ? baked(property)
                                                                  : property.value;
                                                     })
                                       : entry.value;
    });
  }

  static bool isLiteralProperty(std::string_view key) {
    for (std::string_view literal : kLiteralProperties)
      if (key == literal)
        return true;
    return false;
  }

  ExprPtr baked(const MapEntry& property) {
    if (!readsValues(property.value))
      return property.value;
    ExprPtr value = ir::instantiate(property.value, values_);
    if (readsValues(value)) {
      diagnostics_.warning(kServerlessLiteralRule, property.keyLocation,
                           "the SAM transform needs the event's " + property.key +
                               " as a plain string, and no value is given for what it reads: "
                               "give one with --spec");
      return property.value;
    }
    diagnostics_.warning(kServerlessLiteralRule, property.keyLocation,
                         "the SAM transform needs the event's " + property.key +
                             " as a plain string: the product writes the value this "
                             "deployment gives it; another value needs another artifact");
    return value;
  }

  const ir::InputValues& values_;
  ir::Diagnostics& diagnostics_;
};

} // namespace

void bakeServerlessLiterals(ir::Module& module, const ir::InputValues& values,
                            ir::Diagnostics& diagnostics) {
  ir::InputValues known = withDefaults(module, values);
  Baker baker(known, diagnostics);
  for (ir::Resource& resource : module.resources)
    if (resource.type == "AWS::Serverless::Function")
      resource.properties = baker.function(resource.properties);
}

} // namespace pm::backends::sc
