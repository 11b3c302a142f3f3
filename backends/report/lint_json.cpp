// JSON: {"findings": [{rule, severity, message, file, line, column, fingerprint}], "summary"}.
#include "backends/report/lint_report_writers.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

namespace pm::backends::report {

namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void string(Writer& writer, std::string_view text) {
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void finding(Writer& writer, const ir::Diagnostic& diagnostic) {
  writer.StartObject();
  string(writer, "rule");
  string(writer, diagnostic.ruleId);
  string(writer, "severity");
  string(writer, levelName(diagnostic.severity));
  string(writer, "message");
  string(writer, diagnostic.message);
  string(writer, "file");
  string(writer, diagnostic.location.file);
  string(writer, "line");
  writer.Int(diagnostic.location.line);
  string(writer, "column");
  writer.Int(diagnostic.location.column);
  string(writer, "fingerprint");
  string(writer, findingFingerprint(diagnostic));
  writer.EndObject();
}

void summary(Writer& writer, const LintReport& report) {
  writer.StartObject();
  string(writer, "findings");
  writer.Uint64(report.findings.size());
  string(writer, "suppressed");
  writer.Uint64(report.suppressed);
  string(writer, "byRule");
  writer.StartObject();
  for (const auto& [rule, count] : countsByRule(report.findings)) {
    string(writer, rule);
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
  string(writer, "findings");
  writer.StartArray();
  for (const ir::Diagnostic& diagnostic : report.findings)
    finding(writer, diagnostic);
  writer.EndArray();
  string(writer, "summary");
  summary(writer, report);
  writer.EndObject();
  out << buffer.GetString() << "\n";
}

} // namespace pm::backends::report
