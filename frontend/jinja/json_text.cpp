// Python's json.dumps (ensure_ascii, sort_keys, Python's separators) and Jinja's HTML escaping.
#include "frontend/jinja/json_text.h"

#include "frontend/jinja/python_ops.h"
#include "frontend/jinja/python_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pm::jinja {

namespace {

std::string unicodeEscape(char32_t c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
  return buffer;
}

// json.dumps string quoting with ensure_ascii=True: non-ASCII becomes \uXXXX (surrogate pairs).
std::string jsonString(const std::string& text) {
  std::string out = "\"";
  for (char32_t c : decodeUtf8(text)) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
      break;
    default:
      if (c < 0x20 || c > 0x7E) {
        if (c >= 0x10000) {
          char32_t v = c - 0x10000;
          out += unicodeEscape(0xD800 + (v >> 10)) + unicodeEscape(0xDC00 + (v & 0x3FF));
        } else {
          out += unicodeEscape(c);
        }
      } else {
        out += static_cast<char>(c);
      }
    }
  }
  return out + "\"";
}

// json.dumps turns non-string keys into strings: True -> "true", 1.5 -> "1.5", None -> "null".
std::string keyText(const Value& key, Position position) {
  if (key.isString())
    return key.asString();
  if (key.isBool())
    return key.asBool() ? "true" : "false";
  if (key.isNone())
    return "null";
  if (key.isInt() || key.isFloat())
    return key.str();
  renderError(position, "keys must be str, int, float, bool or None, not " + pythonTypeName(key));
}

class JsonWriter {
public:
  JsonWriter(std::optional<std::int64_t> indent, Position position)
      : indent_(indent), position_(position) {}

  std::string write(const Value& value, int level) {
    requireDefined(value, position_);
    switch (value.kind()) {
    case Value::Kind::None:
      return "null";
    case Value::Kind::Bool:
      return value.asBool() ? "true" : "false";
    case Value::Kind::Int:
      return value.str();
    case Value::Kind::Float:
      if (std::isnan(value.asFloat()))
        return "NaN";
      if (std::isinf(value.asFloat()))
        return value.asFloat() < 0 ? "-Infinity" : "Infinity";
      return value.str();
    case Value::Kind::String:
      return jsonString(value.asString());
    case Value::Kind::List:
      if (value.view() != Value::View::Plain)
        break;
      return writeList(value.asList(), level);
    case Value::Kind::Dict:
      return writeDict(value.asDict(), level);
    default:
      break;
    }
    renderError(position_, "Object of type " + pythonTypeName(value) + " is not JSON serializable");
  }

private:
  std::string newline(int level) const {
    return "\n" + std::string(static_cast<std::size_t>(*indent_ * level), ' ');
  }

  std::string writeList(const ValueList& items, int level) {
    if (items.empty())
      return "[]";
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
      out += i ? (indent_ ? "," : ", ") : "";
      out += indent_ ? newline(level + 1) : "";
      out += write(items[i], level + 1);
    }
    return out + (indent_ ? newline(level) : "") + "]";
  }

  std::string writeDict(const ValueDict& dict, int level) {
    if (dict.size() == 0)
      return "{}";
    // sort_keys=True sorts the original keys (so 9 before 10; mixed types raise like Python).
    std::vector<const ValueDict::Entry*> entries;
    for (const auto& entry : dict.entries())
      entries.push_back(&entry);
    std::stable_sort(entries.begin(), entries.end(), [&](const auto* a, const auto* b) {
      return orderValues(a->first, b->first, position_) < 0;
    });
    std::string out = "{";
    for (std::size_t i = 0; i < entries.size(); ++i) {
      out += i ? (indent_ ? "," : ", ") : "";
      out += indent_ ? newline(level + 1) : "";
      out += jsonString(keyText(entries[i]->first, position_)) + ": " +
             write(entries[i]->second, level + 1);
    }
    return out + (indent_ ? newline(level) : "") + "}";
  }

  std::optional<std::int64_t> indent_;
  Position position_;
};

} // namespace

std::string htmlSafeJson(const Value& value, std::optional<std::int64_t> indent,
                         Position position) {
  std::string json = JsonWriter(indent, position).write(value, 0);
  std::string out;
  for (char c : json) {
    switch (c) {
    case '<':
      out += "\\u003c";
      break;
    case '>':
      out += "\\u003e";
      break;
    case '&':
      out += "\\u0026";
      break;
    case '\'':
      out += "\\u0027";
      break;
    default:
      out += c;
    }
  }
  return out;
}

} // namespace pm::jinja
