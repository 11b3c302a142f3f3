// Symbolic values: references, the sentinels printed for them, and the fallback record.
#include "frontend/jinja/symbolic.h"

namespace pm::jinja {

Value symbolicReference(const std::string& path, const Value& value) {
  auto symbolic = std::make_shared<Symbolic>();
  symbolic->parts.push_back(SymbolicPart{"", path, withoutSymbols(value)});
  return withoutSymbols(value).withSymbolic(std::move(symbolic));
}

bool containsSymbolic(const Value& value) {
  return !firstSymbolicPath(value).empty();
}

std::string firstSymbolicPath(const Value& value) {
  if (value.isSymbolic())
    for (const auto& part : value.symbolic().parts)
      if (part.isReference())
        return part.path;
  if (value.isList())
    for (const auto& item : value.asList())
      if (auto path = firstSymbolicPath(item); !path.empty())
        return path;
  if (value.isDict())
    for (const auto& [key, item] : value.asDict().entries()) {
      if (auto path = firstSymbolicPath(key); !path.empty())
        return path;
      if (auto path = firstSymbolicPath(item); !path.empty())
        return path;
    }
  return {};
}

Value withoutSymbols(const Value& value) {
  if (!containsSymbolic(value))
    return value;
  Value copy = value.withSymbolic(nullptr);
  if (copy.isList()) {
    ValueList items;
    for (const auto& item : copy.asList())
      items.push_back(withoutSymbols(item));
    Value rebuilt = copy.isTuple() ? Value::tuple(std::move(items)) : Value::list(std::move(items));
    return copy.view() == Value::View::Plain ? rebuilt
                                             : Value::dictView(copy.view(), rebuilt.asList());
  }
  if (copy.isDict()) {
    ValueDict entries;
    for (const auto& [key, item] : copy.asDict().entries())
      entries.set(withoutSymbols(key), withoutSymbols(item));
    return copy.isNamespace() ? Value::namespaceObject(std::move(entries))
                              : Value::dict(std::move(entries));
  }
  return copy;
}

std::string SymbolicRecorder::print(const Value& value, Position position) {
  std::string text;
  for (const auto& part : value.symbolic().parts) {
    if (!part.isReference()) {
      text += part.text;
      continue;
    }
    std::string token = "__pm7_" + std::to_string(sentinels_.size() + 1) + "__";
    sentinels_.push_back(Sentinel{token, part.path, part.value, position});
    text += token;
  }
  return text;
}

void SymbolicRecorder::fallback(Position position, std::string construct, const Value& used) {
  fallbacks_.push_back(SymbolicFallback{position, std::move(construct), firstSymbolicPath(used)});
}

SymbolicRender SymbolicRecorder::finish(std::string text) {
  return SymbolicRender{std::move(text), std::move(sentinels_), std::move(fallbacks_)};
}

} // namespace pm::jinja
