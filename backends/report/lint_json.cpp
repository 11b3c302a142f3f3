// JSON: {"findings": [{rule, severity, message, file, line, column, fingerprint}], "summary"}.
#include "backends/report/lint_report_writers.h"

#include "backends/report/json_fields.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

namespace pm::backends::report {

namespace {

using Writer = JsonWriter;

void finding(Writer& writer, const ir::Diagnostic& diagnostic) {
  writer.StartObject();
  writeString(writer, "rule");
  writeString(writer, diagnostic.ruleId);
  writeString(writer, "severity");
  writeString(writer, levelName(diagnostic.severity));
  writeString(writer, "message");
  writeString(writer, diagnostic.message);
  writeString(writer, "file");
  writeString(writer, diagnostic.location.file);
  writeString(writer, "line");
  writer.Int(diagnostic.location.line);
  writeString(writer, "column");
  writer.Int(diagnostic.location.column);
  writeString(writer, "fingerprint");
  writeString(writer, findingFingerprint(diagnostic));
  writer.EndObject();
}

void summary(Writer& writer, const LintReport& report) {
  writer.StartObject();
  writeString(writer, "findings");
  writer.Uint64(report.findings.size());
  writeString(writer, "suppressed");
  writer.Uint64(report.suppressed);
  writeString(writer, "byRule");
  writer.StartObject();
  for (const auto& [rule, count] : countsByRule(report.findings)) {
    writeString(writer, rule);
    writer.Uint64(count);
  }
  writer.EndObject();
  writer.EndObject();
}

} // namespace

void writeLintJson(const LintReport& report, std::ostream& out) {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.SetIndent(' ', 2);
  writer.StartObject();
  writeString(writer, "findings");
  writer.StartArray();
  for (const ir::Diagnostic& diagnostic : report.findings)
    finding(writer, diagnostic);
  writer.EndArray();
  writeString(writer, "summary");
  summary(writer, report);
  writer.EndObject();
  out << buffer.GetString() << "\n";
}

} // namespace pm::backends::report
