// Finding the Proton variables a Terraform template reads (`var.environment.inputs.x`,
// `var.service.name`, ...) and the declarations of those variables, with byte spans so a
// backend can rewrite them into a plain module by span edits.
#pragma once

#include "frontend/hcl/syntax_tree.h"
#include "ir/source_location.h"

#include <string>
#include <vector>

namespace pm::frontend::hcl {

enum class ProtonReferenceKind {
  Input,             // environment.inputs.x, service_instance.inputs.x, pipeline.inputs.x
  EnvironmentOutput, // environment.outputs.x (service_instance.environment.outputs.x)
  ComponentOutput,   // service_instance.components.default.outputs.x
  Context,           // environment.name, service.name, service_instance.name, ...
  Tags,              // proton_tags
  InstanceList,      // service_instances, the pipeline's list of instances
  WholeObject,       // a Proton object read without a leaf: var.environment.outputs, ...
  Unknown,           // a path under a Proton variable that Proton does not provide
};

const char* protonReferenceKindName(ProtonReferenceKind kind);

struct ProtonReference {
  ProtonReferenceKind kind = ProtonReferenceKind::Unknown;
  // The path after `var.`: {"environment", "inputs", "vpc_cidr"}; ends where the Proton part
  // ends, so `var.environment.outputs.x.y` gives {"environment", "outputs", "x"}.
  std::vector<std::string> path;
  Span span; // the bytes of `var.environment.inputs.vpc_cidr` (or `var.x["y"]`) in the file
  ir::SourceLocation location;

  // "environment", "service_instance", "pipeline", ... (the variable Proton declares).
  const std::string& scope() const { return path.front(); }
  // The input, output or context field named: "vpc_cidr", "name"; "" for the other kinds.
  std::string leaf() const;
  // "environment.inputs.vpc_cidr"
  std::string dottedPath() const;
};

// A `variable "environment" { ... }` (or service, proton_tags, ...) block: Proton generates
// these, so a plain module drops them and declares its own inputs.
struct ProtonVariableDeclaration {
  std::string name;
  Span span; // the whole block, from `variable` to its closing brace
  ir::SourceLocation location;
};

// The variable names Proton declares for Terraform templates.
bool isProtonVariableName(std::string_view name);

// Every reference to a Proton variable in the tree, in source order.
std::vector<ProtonReference> findProtonReferences(const SyntaxTree& tree);
// The top-level `variable` blocks declaring a Proton variable, in source order.
std::vector<ProtonVariableDeclaration> findProtonVariableDeclarations(const SyntaxTree& tree);

} // namespace pm::frontend::hcl
