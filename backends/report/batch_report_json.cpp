// Writing and reading the JSON batch report.
#include "backends/report/batch_report_json.h"

#include "backends/report/json_fields.h"

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

namespace pm::backends::report {

namespace {

using Writer = JsonWriter;

void writeCounts(Writer& writer, const char* key, const std::map<std::string, int>& counts) {
  writer.Key(key);
  writer.StartObject();
  for (const auto& [name, count] : counts) {
    writeString(writer, name);
    writer.Int(count);
  }
  writer.EndObject();
}

void writeOutcome(Writer& writer, const BundleOutcome& outcome) {
  writer.StartObject();
  writeField(writer, "path", outcome.path);
  writeField(writer, "name", outcome.name);
  writeField(writer, "target", outcome.target);
  writeField(writer, "status", outcome.status);
  writeField(writer, "outputFolder", outcome.outputFolder);
  writeCounts(writer, "resourcesByKind", outcome.resourcesByKind);
  writeCounts(writer, "findingsByRule", outcome.findingsByRule);
  writeCounts(writer, "findingsBySeverity", outcome.findingsBySeverity);
  writeStrings(writer, "messages", outcome.messages);
  writer.Key("seconds");
  writer.Double(outcome.seconds);
  writer.EndObject();
}

std::string stringField(const rapidjson::Value& object, const char* key) {
  auto found = object.FindMember(key);
  return found != object.MemberEnd() && found->value.IsString() ? found->value.GetString() : "";
}

double numberField(const rapidjson::Value& object, const char* key) {
  auto found = object.FindMember(key);
  return found != object.MemberEnd() && found->value.IsNumber() ? found->value.GetDouble() : 0;
}

std::map<std::string, int> countsField(const rapidjson::Value& object, const char* key) {
  std::map<std::string, int> counts;
  auto found = object.FindMember(key);
  if (found == object.MemberEnd() || !found->value.IsObject())
    return counts;
  for (const auto& entry : found->value.GetObject())
    if (entry.value.IsInt())
      counts[entry.name.GetString()] = entry.value.GetInt();
  return counts;
}

std::vector<std::string> stringsField(const rapidjson::Value& object, const char* key) {
  std::vector<std::string> strings;
  auto found = object.FindMember(key);
  if (found == object.MemberEnd() || !found->value.IsArray())
    return strings;
  for (const auto& item : found->value.GetArray())
    if (item.IsString())
      strings.emplace_back(item.GetString());
  return strings;
}

BundleOutcome readOutcome(const rapidjson::Value& object) {
  BundleOutcome outcome;
  outcome.path = stringField(object, "path");
  outcome.name = stringField(object, "name");
  outcome.target = stringField(object, "target");
  outcome.status = stringField(object, "status");
  outcome.outputFolder = stringField(object, "outputFolder");
  outcome.resourcesByKind = countsField(object, "resourcesByKind");
  outcome.findingsByRule = countsField(object, "findingsByRule");
  outcome.findingsBySeverity = countsField(object, "findingsBySeverity");
  outcome.messages = stringsField(object, "messages");
  outcome.seconds = numberField(object, "seconds");
  return outcome;
}

} // namespace

std::string batchReportJson(const BatchSummary& summary) {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.SetIndent(' ', 2);
  writer.StartObject();
  writer.Key("report");
  writer.String("proton-migrate batch");
  writer.Key("root");
  writeString(writer, summary.root);
  writeStrings(writer, "targets", summary.targets);
  writer.Key("shard");
  writeString(writer, summary.shard);
  writer.Key("seconds");
  writer.Double(summary.seconds);
  writer.Key("bundles");
  writer.StartArray();
  for (const BundleOutcome& outcome : summary.outcomes)
    writeOutcome(writer, outcome);
  writer.EndArray();
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::optional<BatchSummary> readBatchReportJson(const std::string& text, std::string& error) {
  rapidjson::Document document;
  // Iterative: a deeply nested file cannot exhaust the stack.
  document.Parse<rapidjson::kParseIterativeFlag>(text.c_str(), text.size());
  if (document.HasParseError() || !document.IsObject() ||
      stringField(document, "report") != "proton-migrate batch") {
    error = "not a JSON report of proton-migrate batch";
    return std::nullopt;
  }
  BatchSummary summary;
  summary.root = stringField(document, "root");
  summary.targets = stringsField(document, "targets");
  summary.shard = stringField(document, "shard");
  summary.seconds = numberField(document, "seconds");
  auto bundles = document.FindMember("bundles");
  if (bundles != document.MemberEnd() && bundles->value.IsArray())
    for (const auto& item : bundles->value.GetArray())
      if (item.IsObject())
        summary.outcomes.push_back(readOutcome(item));
  return summary;
}

} // namespace pm::backends::report
