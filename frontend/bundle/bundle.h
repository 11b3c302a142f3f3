// A Proton template bundle: its schema, its parts (infrastructure, instance, pipeline or a
// component's single template) with their manifests, and its registration files.
#pragma once

#include "frontend/bundle/file_tree.h"
#include "frontend/bundle/manifest.h"
#include "frontend/bundle/registration.h"
#include "frontend/bundle/schema.h"
#include "ir/diagnostics.h"

#include <optional>
#include <string>
#include <vector>

namespace pm::frontend {

enum class BundleKind {
  Environment,
  CustomerManagedEnvironment, // schema only: its "inputs" are outputs typed in by the user
  Service,
  Component,     // directly defined: manifest + one template, no schema
  PlainTemplate, // a lone CloudFormation file (no Jinja), read as a one-part bundle with no inputs
};

enum class PartRole { Infrastructure, Instance, Pipeline, Component };

const char* bundleKindName(BundleKind kind);
const char* partRoleName(PartRole role); // "infrastructure", "instance", "pipeline", "component"
std::optional<PartRole> partRoleNamed(const std::string& name);

struct BundlePart {
  PartRole role = PartRole::Infrastructure;
  std::string directory; // relative folder holding manifest.yaml ("" for a component)
  std::optional<Manifest> manifest;
  std::string templatePath; // relative path of the IaC file (CloudFormation); "" otherwise
  std::vector<std::string> terraformFiles; // relative paths, for hcl parts

  RenderingEngine engine() const;
};

struct Bundle {
  FileTree files;
  std::string name;         // template name (the folder above vN/ in the template-sync layout)
  std::string majorVersion; // "1" for a v1/ folder, empty when the layout does not say
  BundleKind kind = BundleKind::Environment;
  std::optional<Schema> schema;
  std::vector<BundlePart> parts;
  std::optional<Registration> registration;

  const BundlePart* part(PartRole role) const;
  // The part rendered when none is named: infrastructure, instance, or the component.
  const BundlePart* defaultPart() const;
};

// Reads a bundle from a folder, a .tar.gz archive, or a lone template file (lone_template.h).
// Layout problems are PRS006; each reader reports its own problems. Nothing when any error was
// reported.
std::optional<Bundle> readBundle(const std::string& path, ir::Diagnostics& diagnostics);

} // namespace pm::frontend
