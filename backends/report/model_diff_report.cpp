// Writing diff reports.
#include "backends/report/model_diff_report.h"

#include "backends/report/json_fields.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace pm::backends::report {

namespace {

using ir::changeName;

std::string verdict(const DiffReport& report) {
  if (report.diff.empty())
    return "no model changes";
  return report.diff.breaking() ? "BREAKING: some changes reject specs, replace resources or "
                                  "remove outputs that are read"
                                : "no breaking changes";
}

std::string inputLine(const ir::InputChange& change) {
  return fmt::format("{} input {}.{}{}: {}", changeName(change.change), change.module, change.name,
                     change.breaking ? " [breaking]" : "", fmt::join(change.details, "; "));
}

std::string propertyLine(const ir::PropertyChange& property) {
  return fmt::format("{}{}: {} -> {}", property.name.empty() ? "Properties" : property.name,
                     property.replaces ? " [requires replacement]" : "",
                     property.before.empty() ? "(none)" : property.before,
                     property.after.empty() ? "(none)" : property.after);
}

std::string resourceLine(const ir::ResourceChange& change) {
  return fmt::format("{} resource {}.{} ({}){}", changeName(change.change), change.module,
                     change.logicalId, change.type, change.replacement ? " [replacement]" : "");
}

std::string outputLine(const ir::OutputChange& change) {
  std::string line =
      fmt::format("{} output {}.{}", changeName(change.change), change.module, change.name);
  if (!change.consumers.empty())
    line += fmt::format(" [breaks: {}]", fmt::join(change.consumers, "; "));
  return line;
}

// Whether the spec still validates; each problem on a line of its own, after `bullet`.
std::string specLine(const DiffReport& report, const std::string& bullet) {
  if (report.specProblems.empty())
    return fmt::format("spec {} still validates against {}", report.specName, report.newName);
  return fmt::format("spec {} no longer validates against {}:\n{}{}", report.specName,
                     report.newName, bullet, fmt::join(report.specProblems, "\n" + bullet));
}

// Markdown cells hold one line without pipes.
std::string cell(std::string text) {
  std::string escaped;
  for (char c : text)
    escaped += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
  return escaped;
}

using Writer = JsonWriter;

// The fields every change has: what happened, to what (named under `nameKey`), where.
void writeChange(Writer& writer, ir::Change change, const std::string& module, const char* nameKey,
                 const std::string& name) {
  writeField(writer, "change", changeName(change));
  writeField(writer, "module", module);
  writeField(writer, nameKey, name);
}

void writeResourceJson(Writer& writer, const ir::ResourceChange& change) {
  writer.StartObject();
  writeChange(writer, change.change, change.module, "logicalId", change.logicalId);
  writeField(writer, "type", change.type);
  writer.Key("replacement");
  writer.Bool(change.replacement);
  writer.Key("properties");
  writer.StartArray();
  for (const ir::PropertyChange& property : change.properties) {
    writer.StartObject();
    writeField(writer, "name", property.name);
    writeField(writer, "before", property.before);
    writeField(writer, "after", property.after);
    writer.Key("requiresReplacement");
    writer.Bool(property.replaces);
    writer.EndObject();
  }
  writer.EndArray();
  writeStrings(writer, "details", change.details);
  writer.EndObject();
}

} // namespace

std::string diffReportText(const DiffReport& report) {
  std::string out = fmt::format("{} -> {}: {}\n", report.oldName, report.newName, verdict(report));
  for (const ir::InputChange& change : report.diff.inputs)
    out += inputLine(change) + "\n";
  for (const ir::ResourceChange& change : report.diff.resources) {
    out += resourceLine(change) + "\n";
    for (const std::string& detail : change.details)
      out += "  " + detail + "\n";
    for (const ir::PropertyChange& property : change.properties)
      out += "  " + propertyLine(property) + "\n";
  }
  for (const ir::OutputChange& change : report.diff.outputs)
    out += outputLine(change) + "\n";
  if (report.specChecked)
    out += specLine(report, "  ") + "\n";
  for (const std::string& note : report.notes)
    out += "note: " + note + "\n";
  return out;
}

std::string diffReportMarkdown(const DiffReport& report) {
  const ir::ModelDiff& diff = report.diff;
  std::string out =
      fmt::format("### `{}` → `{}`\n\n**{}**\n", report.oldName, report.newName, verdict(report));
  if (!diff.inputs.empty()) {
    out += "\n#### Inputs\n\n| change | input | breaking | details |\n| --- | --- | --- | --- |\n";
    for (const ir::InputChange& change : diff.inputs)
      out += fmt::format("| {} | `{}.{}` | {} | {} |\n", changeName(change.change), change.module,
                         change.name, change.breaking ? "**yes**" : "no",
                         cell(fmt::format("{}", fmt::join(change.details, "; "))));
  }
  if (!diff.resources.empty()) {
    out += "\n#### Resources\n\n| change | resource | type | replacement | details |\n"
           "| --- | --- | --- | --- | --- |\n";
    for (const ir::ResourceChange& change : diff.resources) {
      std::vector<std::string> details = change.details;
      for (const ir::PropertyChange& property : change.properties)
        details.push_back(propertyLine(property));
      out += fmt::format("| {} | `{}.{}` | `{}` | {} | {} |\n", changeName(change.change),
                         change.module, change.logicalId, change.type,
                         change.replacement ? "**yes**" : "no",
                         cell(fmt::format("{}", fmt::join(details, "; "))));
    }
  }
  if (!diff.outputs.empty()) {
    out += "\n#### Outputs\n\n| change | output | breaks |\n| --- | --- | --- |\n";
    for (const ir::OutputChange& change : diff.outputs)
      out += fmt::format("| {} | `{}.{}` | {} |\n", changeName(change.change), change.module,
                         change.name, cell(fmt::format("{}", fmt::join(change.consumers, "; "))));
  }
  if (report.specChecked)
    out += "\n#### Spec\n\n" + specLine(report, "- ") + "\n";
  for (const std::string& note : report.notes)
    out += "\n> " + note + "\n";
  return out;
}

std::string diffReportJson(const DiffReport& report) {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.SetIndent(' ', 2);
  writer.StartObject();
  writeField(writer, "old", report.oldName);
  writeField(writer, "new", report.newName);
  writer.Key("breaking");
  writer.Bool(report.diff.breaking());
  writer.Key("inputs");
  writer.StartArray();
  for (const ir::InputChange& change : report.diff.inputs) {
    writer.StartObject();
    writeChange(writer, change.change, change.module, "name", change.name);
    writer.Key("breaking");
    writer.Bool(change.breaking);
    writeStrings(writer, "details", change.details);
    writer.EndObject();
  }
  writer.EndArray();
  writer.Key("resources");
  writer.StartArray();
  for (const ir::ResourceChange& change : report.diff.resources)
    writeResourceJson(writer, change);
  writer.EndArray();
  writer.Key("outputs");
  writer.StartArray();
  for (const ir::OutputChange& change : report.diff.outputs) {
    writer.StartObject();
    writeChange(writer, change.change, change.module, "name", change.name);
    writeStrings(writer, "consumers", change.consumers);
    writer.EndObject();
  }
  writer.EndArray();
  if (report.specChecked) {
    writeField(writer, "spec", report.specName);
    writeStrings(writer, "specProblems", report.specProblems);
  }
  writeStrings(writer, "notes", report.notes);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

} // namespace pm::backends::report
