// EnvironmentSpec and ServiceSpec files (proton-format.md §7.1, §7.2): the input values of an
// environment, or of a service's pipeline and instances.
#pragma once

#include "frontend/bundle/schema.h"
#include "ir/diagnostics.h"

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

namespace pm::frontend {

struct ServiceInstanceSpec {
  std::string name;
  std::string environment;
  YAML::Node inputs; // the `spec:` mapping, possibly null
  YAML::Node node;   // the whole list item, for locations
  std::size_t index = 0;
};

struct Spec {
  TemplateKind kind = TemplateKind::Environment;
  std::string path;
  YAML::Node document;
  YAML::Node environmentInputs; // EnvironmentSpec `spec:`
  YAML::Node pipelineInputs;    // ServiceSpec `pipeline:`
  bool hasPipelineInputs = false;
  std::vector<ServiceInstanceSpec> instances;
  std::optional<std::string> serviceName; // a top-level `name:`, which the reference reads

  const ServiceInstanceSpec* findInstance(const std::string& name) const;
};

// Reads a spec file; its shape problems are PRS010 at their key.
std::optional<Spec> readSpec(const std::string& path, ir::Diagnostics& diagnostics);

// Checks that the spec fits the schema: same kind, every value valid (MIG006), required inputs
// present. Returns false when an error was reported.
bool validateSpec(const Spec& spec, const Schema& schema, ir::Diagnostics& diagnostics);

} // namespace pm::frontend
