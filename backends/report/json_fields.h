// Small helpers for the reports written with rapidjson's PrettyWriter: a string, a named string,
// a named list of strings.
#pragma once

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <string>
#include <string_view>
#include <vector>

namespace pm::backends::report {

using JsonWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

inline void writeString(JsonWriter& writer, std::string_view text) {
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

inline void writeField(JsonWriter& writer, const char* key, const std::string& value) {
  writer.Key(key);
  writeString(writer, value);
}

inline void writeStrings(JsonWriter& writer, const char* key,
                         const std::vector<std::string>& strings) {
  writer.Key(key);
  writer.StartArray();
  for (const std::string& text : strings)
    writeString(writer, text);
  writer.EndArray();
}

} // namespace pm::backends::report
