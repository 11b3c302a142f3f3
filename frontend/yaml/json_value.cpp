// JSON to Python-semantics values via rapidjson.
#include "frontend/yaml/json_value.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

namespace pm::frontend {

namespace {

constexpr int kMaxDepth = 256;

std::optional<jinja::Value> convert(const rapidjson::Value& json, int depth) {
  if (depth > kMaxDepth)
    return std::nullopt;
  if (json.IsNull())
    return jinja::Value::none();
  if (json.IsBool())
    return jinja::Value(json.GetBool());
  if (json.IsInt64())
    return jinja::Value(static_cast<std::int64_t>(json.GetInt64()));
  if (json.IsNumber())
    return jinja::Value(json.GetDouble());
  if (json.IsString())
    return jinja::Value(std::string(json.GetString(), json.GetStringLength()));
  if (json.IsArray()) {
    jinja::ValueList items;
    for (const auto& item : json.GetArray()) {
      auto value = convert(item, depth + 1);
      if (!value)
        return std::nullopt;
      items.push_back(std::move(*value));
    }
    return jinja::Value::list(std::move(items));
  }
  jinja::ValueDict dict;
  for (const auto& member : json.GetObject()) {
    auto value = convert(member.value, depth + 1);
    if (!value)
      return std::nullopt;
    dict.set(jinja::Value(std::string(member.name.GetString(), member.name.GetStringLength())),
             std::move(*value));
  }
  return jinja::Value::dict(std::move(dict));
}

} // namespace

ir::SourceLocation locationAtOffset(const std::string& displayPath, const std::string& text,
                                    std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {displayPath, line, column};
}

std::optional<jinja::Value> loadJsonValue(const std::string& displayPath, const std::string& text,
                                          ir::Diagnostics& diagnostics) {
  diagnostics.registerSource(displayPath, text);
  rapidjson::Document document;
  document.Parse<rapidjson::kParseIterativeFlag>(text.c_str(), text.size());
  if (document.HasParseError()) {
    diagnostics.error("PRS001", locationAtOffset(displayPath, text, document.GetErrorOffset()),
                      std::string("invalid JSON: ") +
                          rapidjson::GetParseError_En(document.GetParseError()));
    return std::nullopt;
  }
  auto value = convert(document, 0);
  if (!value)
    diagnostics.error("PRS001", {displayPath, 1, 1}, "JSON nesting is deeper than 256 levels");
  return value;
}

} // namespace pm::frontend
