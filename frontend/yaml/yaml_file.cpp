// YAML loading with located diagnostics.
#include "frontend/yaml/yaml_file.h"

namespace pm::frontend {

namespace {
constexpr const char* kYamlSyntax = "PRS001";
}

ir::SourceLocation locationOf(const std::string& displayPath, const YAML::Mark& mark) {
  if (mark.is_null())
    return {displayPath, 0, 0};
  return {displayPath, mark.line + 1, mark.column + 1};
}

ir::SourceLocation locationOf(const std::string& displayPath, const YAML::Node& node) {
  return locationOf(displayPath, node.Mark());
}

std::optional<YAML::Node> loadYamlDocument(const std::string& displayPath, const std::string& text,
                                           ir::Diagnostics& diagnostics) {
  diagnostics.registerSource(displayPath, text);
  if (text.find('\0') != std::string::npos) {
    diagnostics.error(kYamlSyntax, {displayPath, 1, 1}, "file is not text: it contains NUL bytes");
    return std::nullopt;
  }
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& error) {
    diagnostics.error(kYamlSyntax, locationOf(displayPath, error.mark),
                      "invalid YAML: " + error.msg);
  } catch (const std::exception& error) {
    diagnostics.error(kYamlSyntax, {displayPath, 0, 0},
                      std::string("invalid YAML: ") + error.what());
  }
  return std::nullopt;
}

bool isPlainScalar(const YAML::Node& node) {
  return node.IsScalar() && node.Tag() == "?";
}

std::optional<YAML::Node> mappingKey(const YAML::Node& map, const std::string& key) {
  if (!map.IsMap())
    return std::nullopt;
  for (const auto& entry : map) {
    if (entry.first.IsScalar() && entry.first.Scalar() == key)
      return entry.first;
  }
  return std::nullopt;
}

} // namespace pm::frontend
