// Retain policies: a JSON template through rapidjson, a YAML one line by line so that its
// short-form tags (!Ref, !Sub) and comments survive unchanged.
#include "frontend/cloudformation/retain_policies.h"

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <array>
#include <sstream>
#include <vector>

namespace pm::frontend {

namespace {

constexpr const char* kBadTemplate = "PRS010";
constexpr std::array<const char*, 2> kPolicies = {"DeletionPolicy", "UpdateReplacePolicy"};

std::optional<std::string> jsonWithPolicies(const std::string& path, const std::string& text,
                                            ir::Diagnostics& diagnostics) {
  rapidjson::Document document;
  document.Parse<rapidjson::kParseFullPrecisionFlag | rapidjson::kParseIterativeFlag>(text.c_str(),
                                                                                      text.size());
  auto resources =
      document.IsObject() ? document.FindMember("Resources") : rapidjson::Value::MemberIterator();
  if (!document.IsObject() || resources == document.MemberEnd() || !resources->value.IsObject()) {
    diagnostics.error(kBadTemplate, {path, 1, 1}, "the template has no Resources object");
    return std::nullopt;
  }
  auto& allocator = document.GetAllocator();
  for (auto& resource : resources->value.GetObject()) {
    if (!resource.value.IsObject())
      continue;
    for (const char* policy : kPolicies) {
      resource.value.RemoveMember(policy);
      resource.value.AddMember(rapidjson::Value(policy, allocator), rapidjson::Value("Retain"),
                               allocator);
    }
  }
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
  writer.SetIndent(' ', 2);
  document.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::size_t indentOf(const std::string& line) {
  return line.find_first_not_of(' ');
}

bool blankOrComment(const std::string& line) {
  std::size_t first = indentOf(line);
  return first == std::string::npos || line[first] == '#';
}

bool startsWithKey(const std::string& line, std::size_t indent, std::string_view key) {
  return line.compare(indent, key.size(), key) == 0 && line.size() > indent + key.size() &&
         line[indent + key.size()] == ':';
}

// "Name:" alone on its line (a comment may follow): a resource written as a block.
bool opensBlock(const std::string& line) {
  std::size_t colon = line.find(':');
  if (colon == std::string::npos)
    return false;
  std::size_t rest = line.find_first_not_of(" \t\r", colon + 1);
  return rest == std::string::npos || line[rest] == '#';
}

std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);)
    lines.push_back(line);
  return lines;
}

// The indentation of a resource's properties: that of its first non-blank line after `at`.
std::size_t childIndent(const std::vector<std::string>& lines, std::size_t at, std::size_t parent) {
  for (std::size_t i = at + 1; i < lines.size(); ++i)
    if (!blankOrComment(lines[i]))
      return indentOf(lines[i]) > parent ? indentOf(lines[i]) : parent + 2;
  return parent + 2;
}

std::optional<std::string> yamlWithPolicies(const std::string& path, const std::string& text,
                                            ir::Diagnostics& diagnostics) {
  std::vector<std::string> lines = splitLines(text);
  std::size_t section = 0;
  while (section < lines.size() && !startsWithKey(lines[section], 0, "Resources"))
    ++section;
  if (section == lines.size()) {
    diagnostics.error(kBadTemplate, {path, 1, 1}, "the template has no Resources section");
    return std::nullopt;
  }
  std::string out;
  for (std::size_t i = 0; i <= section; ++i)
    out += lines[i] + "\n";
  std::size_t resourceIndent = childIndent(lines, section, 0);
  std::size_t propertyIndent = resourceIndent + 2;
  bool inside = true;
  for (std::size_t i = section + 1; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    bool content = !blankOrComment(line);
    if (content && indentOf(line) < resourceIndent)
      inside = false;
    bool policy = inside && content && indentOf(line) == propertyIndent &&
                  (startsWithKey(line, propertyIndent, kPolicies[0]) ||
                   startsWithKey(line, propertyIndent, kPolicies[1]));
    if (policy)
      continue; // replaced by the Retain lines under the resource's name
    out += line + "\n";
    if (inside && content && indentOf(line) == resourceIndent && opensBlock(line)) {
      propertyIndent = childIndent(lines, i, resourceIndent);
      for (const char* name : kPolicies)
        out += std::string(propertyIndent, ' ') + name + ": Retain\n";
    }
  }
  return out;
}

} // namespace

std::optional<std::string> withRetainPolicies(const std::string& displayPath,
                                              const std::string& text,
                                              ir::Diagnostics& diagnostics) {
  std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && text[first] == '{')
    return jsonWithPolicies(displayPath, text, diagnostics);
  return yamlWithPolicies(displayPath, text, diagnostics);
}

} // namespace pm::frontend
