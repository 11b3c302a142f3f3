// SARIF 2.1.0: one run, every catalog rule in tool.driver.rules (with its anchors in other
// linters as properties), one result per finding with a fingerprint that ignores line moves.
#include "backends/report/lint_report_writers.h"

#include "backends/report/json_fields.h"

#include "ir/passes/lint/rule_anchors.h"
#include "ir/passes/lint/rule_catalog.h"

#include <cctype>
#include <cstdio>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

namespace pm::backends::report {

namespace {

using Writer = JsonWriter;
namespace lint = ir::lint;

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";

void textObject(Writer& writer, std::string_view key, std::string_view text) {
  writeString(writer, key);
  writer.StartObject();
  writeString(writer, "text");
  writeString(writer, text);
  writer.EndObject();
}

std::string_view sarifLevel(ir::Severity severity) {
  switch (severity) {
  case ir::Severity::Error:
    return "error";
  case ir::Severity::Warning:
    return "warning";
  default:
    return "note";
  }
}

void ruleAnchors(Writer& writer, std::string_view rule) {
  writeString(writer, "anchors");
  writer.StartArray();
  for (const lint::RuleAnchor& anchor : lint::ruleAnchors())
    if (anchor.rule == rule)
      writeString(writer, std::string(anchor.tool) + " " + std::string(anchor.check));
  writer.EndArray();
}

void rule(Writer& writer, const lint::RuleInfo& info, const std::string& helpUriBase) {
  writer.StartObject();
  writeString(writer, "id");
  writeString(writer, info.id);
  writeString(writer, "name");
  writeString(writer, info.id);
  textObject(writer, "shortDescription", info.title);
  textObject(writer, "fullDescription", info.help);
  writeString(writer, "helpUri");
  writeString(writer, helpUriBase + info.anchor());
  writeString(writer, "defaultConfiguration");
  writer.StartObject();
  writeString(writer, "level");
  writeString(writer, sarifLevel(info.severity));
  writer.EndObject();
  writeString(writer, "properties");
  writer.StartObject();
  writeString(writer, "severityDetail");
  writeString(writer, info.severityDetail);
  ruleAnchors(writer, info.id);
  writer.EndObject();
  writer.EndObject();
}

// The parametric reader places what it rendered in "<file> (rendered)": its lines are the
// rendered text's, so SARIF names the file without a region (the message says the line).
constexpr std::string_view kRenderedSuffix = " (rendered)";

bool isRendered(const ir::SourceLocation& at) {
  return at.file.str().ends_with(kRenderedSuffix);
}

// A relative URI reference: path characters kept, everything else percent-encoded.
std::string uriOf(std::string_view path) {
  if (path.ends_with(kRenderedSuffix))
    path.remove_suffix(kRenderedSuffix.size());
  std::string uri;
  for (unsigned char c : path) {
    if (std::isalnum(c) ||
        std::string_view("-._~/").find(static_cast<char>(c)) != std::string_view::npos) {
      uri += static_cast<char>(c);
      continue;
    }
    char escaped[4];
    std::snprintf(escaped, sizeof escaped, "%%%02X", c);
    uri += escaped;
  }
  return uri;
}

void location(Writer& writer, const ir::SourceLocation& at) {
  writer.StartObject();
  writeString(writer, "physicalLocation");
  writer.StartObject();
  writeString(writer, "artifactLocation");
  writer.StartObject();
  writeString(writer, "uri");
  writeString(writer, uriOf(at.file));
  writer.EndObject();
  if (at.known() && !isRendered(at)) {
    writeString(writer, "region");
    writer.StartObject();
    writeString(writer, "startLine");
    writer.Int(at.line);
    if (at.column > 0) {
      writeString(writer, "startColumn");
      writer.Int(at.column);
    }
    writer.EndObject();
  }
  writer.EndObject();
  writer.EndObject();
}

int ruleIndex(std::string_view id) {
  const auto& rules = lint::ruleCatalog();
  for (std::size_t index = 0; index < rules.size(); ++index)
    if (rules[index].id == id)
      return static_cast<int>(index);
  return -1;
}

void result(Writer& writer, const ir::Diagnostic& finding) {
  writer.StartObject();
  writeString(writer, "ruleId");
  writeString(writer, finding.ruleId);
  if (int index = ruleIndex(finding.ruleId); index >= 0) {
    writeString(writer, "ruleIndex");
    writer.Int(index);
  }
  writeString(writer, "level");
  writeString(writer, sarifLevel(finding.severity));
  textObject(writer, "message",
             isRendered(finding.location)
                 ? finding.message + " (line " + std::to_string(finding.location.line) +
                       " of the rendered template)"
                 : finding.message);
  writeString(writer, "locations");
  writer.StartArray();
  location(writer, finding.location);
  writer.EndArray();
  writeString(writer, "partialFingerprints");
  writer.StartObject();
  writeString(writer, "protonMigrateFinding/v1");
  writeString(writer, findingFingerprint(finding));
  writer.EndObject();
  writer.EndObject();
}

void driver(Writer& writer, const LintReport& report) {
  writeString(writer, "tool");
  writer.StartObject();
  writeString(writer, "driver");
  writer.StartObject();
  writeString(writer, "name");
  writeString(writer, "proton-migrate");
  if (!report.toolVersion.empty()) {
    writeString(writer, "semanticVersion");
    writeString(writer, report.toolVersion);
  }
  writeString(writer, "rules");
  writer.StartArray();
  for (const lint::RuleInfo& info : lint::ruleCatalog())
    rule(writer, info, report.helpUriBase);
  writer.EndArray();
  writer.EndObject();
  writer.EndObject();
}

} // namespace

void writeLintSarif(const LintReport& report, std::ostream& out) {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.SetIndent(' ', 2);
  writer.StartObject();
  writeString(writer, "$schema");
  writeString(writer, kSchema);
  writeString(writer, "version");
  writeString(writer, "2.1.0");
  writeString(writer, "runs");
  writer.StartArray();
  writer.StartObject();
  driver(writer, report);
  writeString(writer, "results");
  writer.StartArray();
  for (const ir::Diagnostic& finding : report.findings)
    result(writer, finding);
  writer.EndArray();
  writer.EndObject();
  writer.EndArray();
  writer.EndObject();
  out << buffer.GetString() << "\n";
}

} // namespace pm::backends::report
