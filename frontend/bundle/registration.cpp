// .template-registration.yaml and .compatible-envs reading.
#include "frontend/bundle/registration.h"

#include "frontend/yaml/yaml_file.h"

#include <algorithm>
#include <sstream>
#include <string_view>

namespace pm::frontend {

namespace {

constexpr const char* kBadRegistration = "PRS006";
bool isNameCharacter(char c, bool first) {
  bool alphanumeric = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  return alphanumeric || (!first && (c == '_' || c == '-'));
}

// <name>:<major>, the grammar ([0-9A-Za-z][0-9A-Za-z_-]*):(0|[1-9][0-9]{0,8}).
bool isEnvironmentReference(const std::string& text, std::size_t colon) {
  if (colon == std::string::npos || colon == 0)
    return false;
  for (std::size_t i = 0; i < colon; ++i)
    if (!isNameCharacter(text[i], i == 0))
      return false;
  std::string_view major = std::string_view(text).substr(colon + 1);
  if (major.empty() || major.size() > 9 || (major[0] == '0' && major.size() > 1))
    return false;
  return std::all_of(major.begin(), major.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<CompatibleEnvironment> parseReference(const std::string& text, ir::SourceLocation at,
                                                    ir::Diagnostics& diagnostics) {
  std::size_t colon = text.find(':');
  if (!isEnvironmentReference(text, colon)) {
    diagnostics.error(kBadRegistration, at,
                      "'" + text +
                          "' is not an environment template reference "
                          "<template-name>:<major-version>");
    return std::nullopt;
  }
  return CompatibleEnvironment{text.substr(0, colon), std::stoi(text.substr(colon + 1)),
                               std::move(at)};
}

std::optional<Registration> readYaml(const FileTree& tree, const std::string& relative,
                                     ir::Diagnostics& diagnostics) {
  std::string path = tree.displayPath(relative);
  auto document = loadYamlDocument(path, *tree.read(relative), diagnostics);
  if (!document)
    return std::nullopt;
  Registration registration{path, {}, {}};
  if (!document->IsMap()) {
    diagnostics.error(kBadRegistration, locationOf(path, *document),
                      "a registration file is a mapping with 'compatible_environments'");
    return std::nullopt;
  }
  // One AWS sample misspells the key; we say so rather than guess what was meant.
  if ((*document)["compatible_environment"])
    diagnostics.warning(
        kBadRegistration, locationOf(path, *mappingKey(*document, "compatible_environment")),
        "unknown key 'compatible_environment'; did you mean 'compatible_environments'?");
  const YAML::Node environments = (*document)["compatible_environments"];
  if (environments && environments.IsSequence()) {
    for (const auto& item : environments)
      if (auto reference = parseReference(item.IsScalar() ? item.Scalar() : "",
                                          locationOf(path, item), diagnostics))
        registration.compatibleEnvironments.push_back(std::move(*reference));
  } else {
    diagnostics.error(kBadRegistration, locationOf(path, *document),
                      "'compatible_environments' (a list of <template>:<major>) is required");
  }
  if (const YAML::Node sources = (*document)["supported_component_sources"];
      sources && sources.IsSequence())
    for (const auto& item : sources) {
      if (!item.IsScalar() || item.Scalar() != "DIRECTLY_DEFINED")
        diagnostics.error(kBadRegistration, locationOf(path, item),
                          "the only supported component source is DIRECTLY_DEFINED");
      else
        registration.supportedComponentSources.push_back(item.Scalar());
    }
  return registration;
}

Registration readLegacy(const FileTree& tree, const std::string& relative,
                        ir::Diagnostics& diagnostics) {
  std::string path = tree.displayPath(relative);
  std::string text = *tree.read(relative);
  diagnostics.registerSource(path, text);
  Registration registration{path, {}, {}};
  std::istringstream lines(text);
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos)
      continue;
    auto last = line.find_last_not_of(" \t\r");
    if (auto reference = parseReference(line.substr(first, last - first + 1),
                                        {path, number, static_cast<int>(first) + 1}, diagnostics))
      registration.compatibleEnvironments.push_back(std::move(*reference));
  }
  return registration;
}

} // namespace

std::optional<Registration> readRegistration(const FileTree& tree, ir::Diagnostics& diagnostics) {
  if (tree.isFile(".template-registration.yaml"))
    return readYaml(tree, ".template-registration.yaml", diagnostics);
  if (tree.isFile(".compatible-envs"))
    return readLegacy(tree, ".compatible-envs", diagnostics);
  return std::nullopt;
}

} // namespace pm::frontend
