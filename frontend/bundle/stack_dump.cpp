// Stack dumps: the JSON the AWS CLI prints for a deployed stack.
#include "frontend/bundle/stack_dump.h"

#include "frontend/input_file.h"
#include "frontend/yaml/json_value.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

namespace pm::frontend {

namespace {

constexpr const char* kBadDump = "PRS010";

// Where `needle` first occurs in the file (at or after `from`), else its start: rapidjson keeps
// no positions, and the keys and logical IDs of a dump are distinctive enough.
struct DumpText {
  std::string path;
  std::string text;
  std::size_t offsetOf(const std::string& needle, std::size_t from = 0) const {
    std::size_t found = text.find(needle, from);
    return found == std::string::npos ? 0 : found;
  }
  ir::SourceLocation at(std::size_t offset) const { return locationAtOffset(path, text, offset); }
};

std::string member(const rapidjson::Value& object, const char* key) {
  auto found = object.FindMember(key);
  return found != object.MemberEnd() && found->value.IsString()
             ? std::string(found->value.GetString(), found->value.GetStringLength())
             : std::string();
}

std::string jsonText(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
  writer.SetIndent(' ', 2);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

bool readTemplate(const rapidjson::Value& body, const DumpText& file, StackDump& dump,
                  ir::Diagnostics& diagnostics) {
  if (body.IsString())
    dump.templateBody.assign(body.GetString(), body.GetStringLength());
  else if (body.IsObject())
    dump.templateBody = jsonText(body);
  else
    diagnostics.error(kBadDump, file.at(file.offsetOf("\"TemplateBody\"")),
                      "TemplateBody must be the template as a string or an object");
  return body.IsString() || body.IsObject();
}

bool readStacks(const rapidjson::Value& stacks, const DumpText& file, StackDump& dump,
                ir::Diagnostics& diagnostics) {
  ir::SourceLocation location = file.at(file.offsetOf("\"Stacks\""));
  if (!stacks.IsArray() || stacks.Size() != 1 || !stacks[0].IsObject()) {
    diagnostics.error(kBadDump, location,
                      "Stacks must list exactly one stack: dump each stack into its own file "
                      "(describe-stacks --stack-name NAME)");
    return false;
  }
  const rapidjson::Value& stack = stacks[0];
  dump.stackName = member(stack, "StackName");
  dump.stackId = member(stack, "StackId");
  auto tags = stack.FindMember("Tags");
  if (tags != stack.MemberEnd() && tags->value.IsArray())
    for (const auto& tag : tags->value.GetArray())
      if (tag.IsObject())
        dump.tags.emplace_back(member(tag, "Key"), member(tag, "Value"));
  auto outputs = stack.FindMember("Outputs");
  if (outputs != stack.MemberEnd() && outputs->value.IsArray())
    for (const auto& output : outputs->value.GetArray())
      if (output.IsObject())
        dump.outputs.emplace_back(member(output, "OutputKey"), member(output, "OutputValue"));
  return true;
}

bool readResources(const rapidjson::Value& resources, const DumpText& file, StackDump& dump,
                   ir::Diagnostics& diagnostics) {
  std::size_t start = file.offsetOf("\"StackResources\"");
  if (!resources.IsArray()) {
    diagnostics.error(kBadDump, file.at(start), "StackResources must be a list");
    return false;
  }
  bool good = true;
  for (const auto& entry : resources.GetArray()) {
    StackResource resource;
    if (entry.IsObject()) {
      resource.logicalId = member(entry, "LogicalResourceId");
      resource.physicalId = member(entry, "PhysicalResourceId");
      resource.type = member(entry, "ResourceType");
    }
    resource.location = file.at(file.offsetOf("\"" + resource.logicalId + "\"", start));
    if (resource.logicalId.empty() || resource.physicalId.empty() || resource.type.empty()) {
      diagnostics.error(kBadDump, resource.location,
                        "a StackResources entry needs LogicalResourceId, PhysicalResourceId and "
                        "ResourceType strings");
      good = false;
      continue;
    }
    std::string stackName = entry.IsObject() ? member(entry, "StackName") : "";
    if (dump.stackName.empty())
      dump.stackName = stackName;
    if (dump.stackId.empty() && entry.IsObject())
      dump.stackId = member(entry, "StackId");
    dump.resources.push_back(std::move(resource));
  }
  return good;
}

} // namespace

std::optional<StackDump> readStackDump(const std::string& path, ir::Diagnostics& diagnostics) {
  auto text = readInputFile(path, diagnostics);
  if (!text || !loadJsonValue(path, *text, diagnostics)) // located syntax errors
    return std::nullopt;
  DumpText file{path, *text};
  rapidjson::Document document;
  document.Parse<rapidjson::kParseIterativeFlag>(text->c_str(), text->size());
  if (document.HasParseError() || !document.IsObject()) {
    diagnostics.error(kBadDump, file.at(0), "a stack dump must be a JSON object");
    return std::nullopt;
  }
  StackDump dump;
  dump.path = path;
  bool good = true, any = false;
  if (auto body = document.FindMember("TemplateBody"); body != document.MemberEnd())
    good = readTemplate(body->value, file, dump, diagnostics) && good, any = true;
  if (auto stacks = document.FindMember("Stacks"); stacks != document.MemberEnd())
    good = readStacks(stacks->value, file, dump, diagnostics) && good, any = true;
  if (auto resources = document.FindMember("StackResources"); resources != document.MemberEnd())
    good = readResources(resources->value, file, dump, diagnostics) && good, any = true;
  if (!any)
    diagnostics.error(kBadDump, file.at(0),
                      "a stack dump holds TemplateBody (get-template), Stacks (describe-stacks) "
                      "or StackResources (describe-stack-resources); this file has none of them");
  if (!any || !good)
    return std::nullopt;
  return dump;
}

namespace {

void mergeInto(StackDump& into, StackDump& from) {
  if (into.stackName.empty())
    into.stackName = from.stackName;
  if (into.tags.empty())
    into.tags = std::move(from.tags);
  if (into.stackId.empty())
    into.stackId = from.stackId;
  if (into.outputs.empty())
    into.outputs = std::move(from.outputs);
  if (into.templateBody.empty())
    into.templateBody = std::move(from.templateBody);
  for (StackResource& resource : from.resources)
    into.resources.push_back(std::move(resource));
}

} // namespace

std::vector<StackDump> mergeStackDumps(std::vector<StackDump> dumps, ir::Diagnostics& diagnostics) {
  std::vector<StackDump> named;
  std::vector<StackDump> anonymous;
  for (StackDump& dump : dumps) {
    if (dump.stackName.empty()) {
      anonymous.push_back(std::move(dump));
      continue;
    }
    auto same = std::find_if(named.begin(), named.end(), [&](const StackDump& other) {
      return other.stackName == dump.stackName;
    });
    if (same == named.end())
      named.push_back(std::move(dump));
    else
      mergeInto(*same, dump);
  }
  for (StackDump& dump : anonymous) {
    if (named.size() == 1 || (named.empty() && &dump == &anonymous.front()))
      mergeInto(named.empty() ? named.emplace_back() : named.front(), dump);
    else
      diagnostics.error(kBadDump, {dump.path, 1, 1},
                        "this dump names no stack and " + std::to_string(named.size()) +
                            " stacks were given: merge it with its stack's describe-stacks "
                            "output (jq -s add)");
  }
  for (StackDump& dump : named)
    if (dump.path.empty())
      dump.path = anonymous.front().path;
  return named;
}

std::string stackTag(const StackDump& dump, std::string_view key) {
  for (const auto& [name, value] : dump.tags)
    if (name == key)
      return value;
  return {};
}

} // namespace pm::frontend
