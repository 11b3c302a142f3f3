// PyYAML SafeLoader scalar resolution and node conversion.
#include "frontend/yaml/python_yaml.h"

#include "frontend/yaml/yaml11_scalars.h"
#include "frontend/yaml/yaml_file.h"

#include <cmath>
#include <limits>
#include <string_view>

namespace pm::frontend {

namespace {

constexpr std::size_t kMaxNodes = 1'000'000;
constexpr int kMaxDepth = 256;

std::string withoutUnderscores(const std::string& text) {
  std::string out;
  for (char c : text)
    if (c != '_')
      out += c;
  return out;
}

// Splits a leading sign off; returns -1 or +1.
int takeSign(std::string& digits) {
  int sign = 1;
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) {
    sign = digits[0] == '-' ? -1 : 1;
    digits.erase(0, 1);
  }
  return sign;
}

// Base-60 numbers ("1:30" is 90), a YAML 1.1 feature PyYAML still implements.
double sexagesimal(const std::string& digits) {
  double value = 0;
  std::size_t start = 0;
  while (true) {
    std::size_t colon = digits.find(':', start);
    std::string part = digits.substr(start, colon == std::string::npos ? colon : colon - start);
    if (colon == std::string::npos)
      return value * 60 + std::stod(part);
    value = value * 60 + std::stod(part);
    start = colon + 1;
  }
}

std::optional<jinja::Value> resolveInt(const std::string& text) {
  std::string digits = withoutUnderscores(text);
  int sign = takeSign(digits);
  try {
    if (digits.find(':') != std::string::npos)
      return jinja::Value(static_cast<std::int64_t>(sign * sexagesimal(digits)));
    int base = 10;
    std::size_t skip = 0;
    if (digits.rfind("0b", 0) == 0)
      base = 2, skip = 2;
    else if (digits.rfind("0x", 0) == 0)
      base = 16, skip = 2;
    else if (digits.size() > 1 && digits[0] == '0')
      base = 8, skip = 1;
    std::int64_t magnitude = std::stoll(digits.substr(skip), nullptr, base);
    return jinja::Value(sign * magnitude);
  } catch (const std::out_of_range&) {
    return std::nullopt; // beyond 64 bits: kept as text rather than silently rounded
  }
}

jinja::Value resolveFloat(const std::string& text) {
  std::string digits = withoutUnderscores(text);
  for (char& c : digits)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  int sign = takeSign(digits);
  if (digits == ".inf")
    return jinja::Value(sign * std::numeric_limits<double>::infinity());
  if (digits == ".nan")
    return jinja::Value(std::numeric_limits<double>::quiet_NaN());
  if (digits.find(':') != std::string::npos)
    return jinja::Value(sign * sexagesimal(digits));
  return jinja::Value(sign * std::stod(digits));
}

// PyYAML turns a date into datetime.date, which Jinja prints zero-padded (2021-01-05).
jinja::Value resolveDate(const yaml11::Date& date) {
  auto pad = [](std::string_view part) {
    return (part.size() == 1 ? "0" : "") + std::string(part);
  };
  return jinja::Value(std::string(date.year) + "-" + pad(date.month) + "-" + pad(date.day));
}

class Converter {
public:
  Converter(const std::string& path, ir::Diagnostics& diagnostics)
      : path_(path), diagnostics_(diagnostics) {}

  std::optional<jinja::Value> convert(const YAML::Node& node, int depth) {
    if (++nodes_ > kMaxNodes || depth > kMaxDepth) {
      if (!reported_)
        diagnostics_.error("PRS001", locationOf(path_, node),
                           depth > kMaxDepth ? "YAML nesting is deeper than 256 levels"
                                             : "YAML aliases expand to more than 1000000 nodes");
      reported_ = true;
      return std::nullopt;
    }
    switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return jinja::Value::none();
    case YAML::NodeType::Scalar:
      return scalar(node);
    case YAML::NodeType::Sequence:
      return sequence(node, depth);
    case YAML::NodeType::Map:
      return mapping(node, depth);
    }
    return jinja::Value::none();
  }

private:
  jinja::Value scalar(const YAML::Node& node) {
    const std::string& tag = node.Tag();
    if (tag == "?")
      return resolvePlainScalar(node.Scalar());
    if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float" ||
        tag == "tag:yaml.org,2002:bool" || tag == "tag:yaml.org,2002:null")
      return resolvePlainScalar(node.Scalar());
    return jinja::Value(node.Scalar());
  }

  std::optional<jinja::Value> sequence(const YAML::Node& node, int depth) {
    jinja::ValueList items;
    for (const auto& item : node) {
      auto value = convert(item, depth + 1);
      if (!value)
        return std::nullopt;
      items.push_back(std::move(*value));
    }
    return jinja::Value::list(std::move(items));
  }

  std::optional<jinja::Value> mapping(const YAML::Node& node, int depth) {
    jinja::ValueDict dict;
    for (const auto& entry : node) {
      auto key = convert(entry.first, depth + 1);
      auto value = convert(entry.second, depth + 1);
      if (!key || !value)
        return std::nullopt;
      dict.set(std::move(*key),
               std::move(*value)); // a repeated key: the last one wins, as in PyYAML
    }
    return jinja::Value::dict(std::move(dict));
  }

  const std::string& path_;
  ir::Diagnostics& diagnostics_;
  std::size_t nodes_ = 0;
  bool reported_ = false;
};

} // namespace

jinja::Value resolvePlainScalar(const std::string& text) {
  // PyYAML's implicit resolvers, in its order (yaml11_scalars.h).
  if (yaml11::isNull(text))
    return jinja::Value::none();
  if (yaml11::isBool(text)) {
    char first = text[0];
    return jinja::Value(first == 'y' || first == 'Y' || first == 't' || first == 'T' ||
                        text == "on" || text == "On" || text == "ON");
  }
  if (yaml11::isInt(text)) {
    if (auto value = resolveInt(text))
      return *value;
    return jinja::Value(text);
  }
  if (yaml11::isFloat(text))
    return resolveFloat(text);
  if (auto date = yaml11::asDate(text))
    return resolveDate(*date);
  return jinja::Value(text);
}

std::optional<jinja::Value> toPythonValue(const YAML::Node& node, const std::string& displayPath,
                                          ir::Diagnostics& diagnostics) {
  Converter converter(displayPath, diagnostics);
  return converter.convert(node, 0);
}

} // namespace pm::frontend
