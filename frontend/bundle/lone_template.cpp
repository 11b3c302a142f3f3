// Reading a lone template file (see lone_template.h).
#include "frontend/bundle/lone_template.h"

#include <filesystem>
#include <map>
#include <regex>
#include <set>

namespace pm::frontend {

namespace {

namespace fs = std::filesystem;

constexpr const char* kNoSchema = "PRS006";

// The namespaces a template part reads inputs from, and the schema type holding them.
struct InputNamespace {
  const char* name;
  std::optional<InputTypeSchema> Schema::*type;
};
constexpr InputNamespace kInputNamespaces[] = {
    {"environment", &Schema::environmentInputs},
    {"service_instance", &Schema::serviceInputs},
    {"pipeline", &Schema::pipelineInputs},
};

bool reads(const std::string& text, const char* name) {
  return std::regex_search(text, std::regex(std::string("\\b") + name + "\\."));
}

PartRole inferredRole(const std::string& text) {
  if (reads(text, "pipeline"))
    return PartRole::Pipeline;
  if (reads(text, "service_instance") || reads(text, "service"))
    return PartRole::Instance;
  return PartRole::Infrastructure;
}

// Inputs used alone as an `if` test: `{% if X.inputs.name %}`, `{% if not X.inputs.name %}`.
std::set<std::string> testedInputs(const std::string& text, const std::string& space) {
  std::regex test("\\{%-?\\s*(?:el)?if\\s+(?:not\\s+)?" + space +
                  "\\.inputs\\.([A-Za-z_][A-Za-z0-9_]*)\\s*-?%\\}");
  std::set<std::string> names;
  for (std::sregex_iterator it(text.begin(), text.end(), test), end; it != end; ++it)
    names.insert((*it)[1].str());
  return names;
}

// Line and column of a byte offset, for the inferred input's location.
ir::SourceLocation locationAt(const std::string& file, const std::string& text,
                              std::size_t offset) {
  int line = 1;
  std::size_t lineStart = 0;
  for (std::size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') {
      ++line;
      lineStart = i + 1;
    }
  return {file, line, static_cast<int>(offset - lineStart) + 1};
}

InputTypeSchema inferredInputs(const std::string& file, const std::string& text,
                               const std::string& space, ir::Diagnostics& diagnostics) {
  std::regex use("\\b" + space + "\\.inputs\\.([A-Za-z_][A-Za-z0-9_]*)");
  std::set<std::string> tested = testedInputs(text, space);
  InputTypeSchema type;
  type.name = space + "_inputs";
  std::set<std::string> seen;
  for (std::sregex_iterator it(text.begin(), text.end(), use), end; it != end; ++it) {
    std::string name = (*it)[1].str();
    if (!seen.insert(name).second)
      continue;
    SchemaProperty property;
    property.name = name;
    property.type = tested.contains(name) ? PropertyType::Boolean : PropertyType::String;
    property.location = locationAt(file, text, static_cast<std::size_t>(it->position(1)));
    diagnostics.warning(kNoSchema, property.location,
                        "no schema.yaml: input '" + name + "' inferred as a " +
                            propertyTypeName(property.type) + " from its use");
    type.properties.push_back(std::move(property));
  }
  return type;
}

Schema inferredSchema(const std::string& file, const std::string& text, PartRole role,
                      ir::Diagnostics& diagnostics) {
  Schema schema;
  schema.path = file;
  schema.kind =
      role == PartRole::Infrastructure ? TemplateKind::Environment : TemplateKind::Service;
  for (const InputNamespace& space : kInputNamespaces)
    if (reads(text, space.name))
      schema.*space.type = inferredInputs(file, text, space.name, diagnostics);
  if (schema.kind == TemplateKind::Service && !schema.serviceInputs)
    schema.serviceInputs = InputTypeSchema{"service_instance_inputs", "", {}, {}, {}};
  return schema;
}

} // namespace

// `{{resolve:ssm:name}}` is a CloudFormation dynamic reference, not Jinja.
// (The scan is the pattern \{%|\{\{(?!resolve:) without a regex: it runs over every file.)
bool looksLikeJinja(const std::string& text) {
  std::string_view rest = text;
  for (std::size_t brace = rest.find('{'); brace != std::string_view::npos;
       brace = rest.find('{', brace + 1)) {
    std::string_view after = rest.substr(brace + 1);
    if (after.starts_with('%') ||
        (after.starts_with('{') && !after.substr(1).starts_with("resolve:")))
      return true;
  }
  return false;
}

std::optional<Bundle> readLoneTemplate(const std::string& path, Bundle bundle,
                                       ir::Diagnostics& diagnostics) {
  fs::path file(path);
  std::string parent = file.parent_path().empty() ? "." : file.parent_path().string();
  bundle.files = FileTree::fromDirectory(parent, parent == "." ? "" : parent);
  BundlePart part;
  part.templatePath = file.filename().string();
  auto text = bundle.files.read(part.templatePath);
  if (!text || !looksLikeJinja(*text)) {
    bundle.kind = BundleKind::PlainTemplate;
    bundle.parts.push_back(std::move(part));
    return bundle; // an unreadable file is reported where it is read
  }
  part.role = inferredRole(*text);
  std::string display = bundle.files.displayPath(part.templatePath);
  bundle.schema = inferredSchema(display, *text, part.role, diagnostics);
  bundle.kind =
      part.role == PartRole::Infrastructure ? BundleKind::Environment : BundleKind::Service;
  bundle.parts.push_back(std::move(part));
  return bundle;
}

} // namespace pm::frontend
