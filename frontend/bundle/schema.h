// schema.yaml: the OpenAPI subset Proton accepted for template inputs (proton-format.md §4),
// read into typed properties with their constraints and the location of every keyword.
#pragma once

#include "frontend/bundle/file_tree.h"
#include "frontend/jinja/value.h"
#include "ir/diagnostics.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pm::frontend {

enum class PropertyType { String, Number, Integer, Boolean, Array, Object };

const char* propertyTypeName(PropertyType type);

struct SchemaProperty {
  std::string name;
  PropertyType type = PropertyType::String;
  PropertyType itemType = PropertyType::String; // for arrays
  std::optional<jinja::Value> defaultValue;     // as PyYAML loads it
  std::vector<jinja::Value> enumValues;
  std::optional<double> minimum, maximum;
  std::optional<std::int64_t> minLength, maxLength, minItems, maxItems;
  std::optional<std::string> pattern;
  std::string title, description;
  bool required = false;
  ir::SourceLocation location;                         // of the property name
  std::map<std::string, ir::SourceLocation> keywordAt; // "maximum" -> where it is declared
};

// One object type of the schema (environment_input_type, service_input_type, ...).
struct InputTypeSchema {
  std::string name;
  std::string description;
  std::vector<SchemaProperty> properties; // in declaration order
  ir::SourceLocation location;            // of the type's body under `types`
  ir::SourceLocation referencedAt;        // of the `*_input_type:` value naming it

  const SchemaProperty* find(const std::string& property) const;
};

enum class TemplateKind { Environment, Service };

struct Schema {
  std::string path; // display path
  TemplateKind kind = TemplateKind::Environment;
  std::optional<InputTypeSchema> environmentInputs;
  std::optional<InputTypeSchema> serviceInputs;
  std::optional<InputTypeSchema> pipelineInputs;

  // The inputs of the part a file of this kind reads: environment or service instance.
  const InputTypeSchema* primaryInputs() const;
};

// Reads and checks a schema.yaml. Structural problems are PRS004 at their key; a default that
// violates its own property's constraints is a MIG006 warning.
std::optional<Schema> readSchema(const FileTree& tree, const std::string& relativePath,
                                 ir::Diagnostics& diagnostics);

} // namespace pm::frontend
