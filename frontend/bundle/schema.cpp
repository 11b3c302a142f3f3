// schema.yaml reading and structural checks.
#include "frontend/bundle/schema.h"

#include "frontend/bundle/input_validation.h"
#include "frontend/yaml/python_yaml.h"
#include "frontend/yaml/yaml_file.h"

#include <set>

namespace pm::frontend {

namespace {

constexpr const char* kBadSchema = "PRS004";

struct TypeName {
  const char* name;
  PropertyType type;
};
constexpr TypeName kTypes[] = {
    {"string", PropertyType::String},   {"number", PropertyType::Number},
    {"integer", PropertyType::Integer}, {"boolean", PropertyType::Boolean},
    {"array", PropertyType::Array},     {"object", PropertyType::Object}};

// OpenAPI keywords Proton never supported as inputs; their meaning cannot be carried over.
const std::set<std::string> kUnsupportedKeywords = {"$ref",  "oneOf", "anyOf",
                                                    "allOf", "not",   "additionalProperties"};

class SchemaReader {
public:
  SchemaReader(const FileTree& tree, const std::string& relative, ir::Diagnostics& diagnostics)
      : tree_(tree), relative_(relative), path_(tree.displayPath(relative)),
        diagnostics_(diagnostics) {}

  std::optional<Schema> read() {
    auto text = tree_.read(relative_);
    if (!text) {
      diagnostics_.error("PRS006", {tree_.displayRoot(), 0, 0},
                         "not a Proton bundle: schema/schema.yaml is missing");
      return std::nullopt;
    }
    auto document = loadYamlDocument(path_, *text, diagnostics_);
    if (!document)
      return std::nullopt;
    std::size_t errorsBefore = diagnostics_.errorCount();
    auto schema = readDocument(*document);
    if (!schema || diagnostics_.errorCount() > errorsBefore)
      return std::nullopt;
    return schema;
  }

private:
  bool fail(const YAML::Node& at, const std::string& message) {
    diagnostics_.error(kBadSchema, locationOf(path_, at), message);
    return false;
  }

  std::optional<Schema> readDocument(const YAML::Node& document) {
    if (!document.IsMap() || !document["schema"] || !document["schema"].IsMap()) {
      fail(document, "schema.yaml must be a mapping with a 'schema' mapping");
      return std::nullopt;
    }
    const YAML::Node root = document["schema"];
    checkFormat(root);
    const YAML::Node types = root["types"];
    if (!types || !types.IsMap()) {
      fail(root, "'schema' needs a 'types' mapping");
      return std::nullopt;
    }
    Schema schema;
    schema.path = path_;
    bool hasEnvironment = static_cast<bool>(root["environment_input_type"]);
    bool hasService = static_cast<bool>(root["service_input_type"]);
    if (hasEnvironment == hasService) {
      fail(root, hasEnvironment ? "a schema has either environment_input_type or "
                                  "service_input_type, not both"
                                : "schema has neither environment_input_type nor "
                                  "service_input_type");
      return std::nullopt;
    }
    schema.kind = hasEnvironment ? TemplateKind::Environment : TemplateKind::Service;
    if (hasEnvironment && root["pipeline_input_type"])
      fail(root["pipeline_input_type"], "pipeline_input_type is only valid in a service schema");
    schema.environmentInputs = inputType(root, "environment_input_type", types);
    schema.serviceInputs = inputType(root, "service_input_type", types);
    schema.pipelineInputs = inputType(root, "pipeline_input_type", types);
    return schema;
  }

  void checkFormat(const YAML::Node& root) {
    const YAML::Node format = root["format"];
    if (!format || !format.IsMap() || !format["openapi"]) {
      fail(format ? format : root, "'schema' needs 'format: {openapi: \"3.0.0\"}'");
      return;
    }
    const YAML::Node openapi = format["openapi"];
    if (!openapi.IsScalar() || openapi.Scalar() != "3.0.0")
      fail(openapi, "format.openapi must be \"3.0.0\"");
  }

  std::optional<InputTypeSchema> inputType(const YAML::Node& root, const char* key,
                                           const YAML::Node& types) {
    const YAML::Node reference = root[key];
    if (!reference)
      return std::nullopt;
    if (!reference.IsScalar()) {
      fail(reference, std::string(key) + " must name a type under 'types'");
      return std::nullopt;
    }
    const YAML::Node type = types[reference.Scalar()];
    if (!type) {
      fail(reference, std::string(key) + " names '" + reference.Scalar() +
                          "', which is not declared under 'types'");
      return std::nullopt;
    }
    auto result = objectType(reference.Scalar(), type);
    if (result)
      result->referencedAt = locationOf(path_, reference);
    return result;
  }

  std::optional<InputTypeSchema> objectType(const std::string& name, const YAML::Node& type) {
    if (!type.IsMap() || !type["type"] || !type["type"].IsScalar() ||
        type["type"].Scalar() != "object") {
      fail(type, "type '" + name + "' must be 'type: object'");
      return std::nullopt;
    }
    InputTypeSchema result;
    result.name = name;
    result.location = locationOf(path_, type);
    if (type["description"] && type["description"].IsScalar())
      result.description = type["description"].Scalar();
    const YAML::Node properties = type["properties"];
    if (properties && !properties.IsNull()) {
      if (!properties.IsMap()) {
        fail(properties, "'properties' of '" + name + "' must be a mapping");
        return std::nullopt;
      }
      for (const auto& entry : properties)
        if (auto property = readProperty(entry.first, entry.second))
          result.properties.push_back(std::move(*property));
    }
    markRequired(type["required"], result);
    return result;
  }

  void markRequired(const YAML::Node& required, InputTypeSchema& type) {
    if (!required || required.IsNull())
      return;
    if (!required.IsSequence()) {
      fail(required, "'required' must be a list of property names");
      return;
    }
    for (const auto& name : required) {
      auto found = std::find_if(type.properties.begin(), type.properties.end(),
                                [&](const SchemaProperty& p) { return p.name == name.Scalar(); });
      if (!name.IsScalar() || found == type.properties.end())
        fail(name, "required property '" + (name.IsScalar() ? name.Scalar() : std::string("?")) +
                       "' is not declared under 'properties'");
      else
        found->required = true;
    }
  }

  std::optional<PropertyType> typeNamed(const YAML::Node& node) {
    if (node && node.IsScalar())
      for (const auto& known : kTypes)
        if (node.Scalar() == known.name)
          return known.type;
    return std::nullopt;
  }

  std::optional<SchemaProperty> readProperty(const YAML::Node& key, const YAML::Node& body) {
    SchemaProperty property;
    property.name = key.Scalar();
    property.location = locationOf(path_, key);
    if (!body.IsMap()) {
      fail(body, "property '" + property.name + "' must be a mapping of schema keywords");
      return std::nullopt;
    }
    for (const auto& entry : body)
      property.keywordAt[entry.first.Scalar()] = locationOf(path_, entry.first);
    for (const auto& keyword : kUnsupportedKeywords)
      if (body[keyword]) {
        fail(body[keyword], "property '" + property.name + "' uses '" + keyword +
                                "', which Proton inputs do not support");
        return std::nullopt;
      }
    auto type = typeNamed(body["type"]);
    if (!type) {
      fail(body["type"] ? body["type"] : key,
           "property '" + property.name +
               "' needs a type: string, number, integer, boolean or array");
      return std::nullopt;
    }
    property.type = *type;
    if (*type == PropertyType::Object)
      diagnostics_.warning(kBadSchema, property.location,
                           "property '" + property.name +
                               "' is an object; Proton's console only accepted scalars and lists");
    if (!readItems(body, property) || !readConstraints(body, property))
      return std::nullopt;
    readTexts(body, property);
    return property;
  }

  bool readItems(const YAML::Node& body, SchemaProperty& property) {
    if (property.type != PropertyType::Array)
      return true;
    const YAML::Node items = body["items"];
    if (!items)
      return true; // items default to strings
    auto itemType = items.IsMap() ? typeNamed(items["type"]) : std::nullopt;
    if (!itemType || *itemType == PropertyType::Array || *itemType == PropertyType::Object)
      return fail(items, "array property '" + property.name +
                             "' needs items of a scalar type (string, number, integer, boolean)");
    property.itemType = *itemType;
    return true;
  }

  template <typename T>
  bool readNumber(const YAML::Node& body, const char* key, std::optional<T>& out) {
    const YAML::Node node = body[key];
    if (!node)
      return true;
    jinja::Value value = node.IsScalar() ? resolvePlainScalar(node.Scalar()) : jinja::Value();
    bool integral = value.isInt();
    if (!(integral || (value.isFloat() && !std::is_integral_v<T>)))
      return fail(node, std::string("'") + key + "' must be a number");
    out = integral ? static_cast<T>(value.asInt()) : static_cast<T>(value.asFloat());
    return true;
  }

  bool readConstraints(const YAML::Node& body, SchemaProperty& property) {
    bool ok = readNumber(body, "minimum", property.minimum) &&
              readNumber(body, "maximum", property.maximum) &&
              readNumber(body, "minLength", property.minLength) &&
              readNumber(body, "maxLength", property.maxLength) &&
              readNumber(body, "minItems", property.minItems) &&
              readNumber(body, "maxItems", property.maxItems);
    if (!ok)
      return false;
    if (const YAML::Node pattern = body["pattern"]) {
      if (!pattern.IsScalar() || !isValidPattern(pattern.Scalar()))
        return fail(pattern,
                    "'pattern' of '" + property.name + "' is not a valid regular expression");
      property.pattern = pattern.Scalar();
    }
    if (const YAML::Node values = body["enum"]) {
      if (!values.IsSequence() || values.size() == 0)
        return fail(values, "'enum' of '" + property.name + "' must be a non-empty list");
      for (const auto& item : values)
        if (auto value = toPythonValue(item, path_, diagnostics_))
          property.enumValues.push_back(*value);
    }
    if (const YAML::Node value = body["default"]) {
      property.defaultValue = toPythonValue(value, path_, diagnostics_);
      if (property.defaultValue)
        checkDefault(value, property);
    }
    return true;
  }

  void checkDefault(const YAML::Node& node, const SchemaProperty& property) {
    if (auto problem = checkInputValue(property, *property.defaultValue))
      diagnostics_.warning("MIG006", locationOf(path_, node),
                           "default of '" + property.name + "': " + problem->message);
  }

  void readTexts(const YAML::Node& body, SchemaProperty& property) {
    if (body["title"] && body["title"].IsScalar())
      property.title = body["title"].Scalar();
    if (body["description"] && body["description"].IsScalar())
      property.description = body["description"].Scalar();
  }

  const FileTree& tree_;
  const std::string& relative_;
  std::string path_;
  ir::Diagnostics& diagnostics_;
};

} // namespace

const char* propertyTypeName(PropertyType type) {
  for (const auto& known : kTypes)
    if (known.type == type)
      return known.name;
  return "?";
}

const SchemaProperty* InputTypeSchema::find(const std::string& property) const {
  for (const auto& candidate : properties)
    if (candidate.name == property)
      return &candidate;
  return nullptr;
}

const InputTypeSchema* Schema::primaryInputs() const {
  if (kind == TemplateKind::Environment)
    return environmentInputs ? &*environmentInputs : nullptr;
  return serviceInputs ? &*serviceInputs : nullptr;
}

std::optional<Schema> readSchema(const FileTree& tree, const std::string& relativePath,
                                 ir::Diagnostics& diagnostics) {
  SchemaReader reader(tree, relativePath, diagnostics);
  return reader.read();
}

} // namespace pm::frontend
