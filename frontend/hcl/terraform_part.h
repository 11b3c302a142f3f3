// Reading a Terraform-based bundle part (`rendering_engine: hcl`): its .tf files parsed, the
// Proton variables they read, and the files Proton generates (variable declarations, values),
// which a plain Terraform module does not keep.
#pragma once

#include "frontend/bundle/bundle.h"
#include "frontend/hcl/proton_references.h"
#include "frontend/hcl/syntax_tree.h"
#include "ir/diagnostics.h"

#include <optional>
#include <string>
#include <vector>

namespace pm::frontend::hcl {

struct TerraformFile {
  std::string path; // relative to the bundle ("instance_infrastructure/main.tf")
  SyntaxTree tree;  // named by the display path diagnostics print
  std::vector<ProtonReference> references;
  std::vector<ProtonVariableDeclaration> declarations;
  // Proton writes this file itself (`proton.variables.tf`, `proton.environment.variables.tf`,
  // or a file holding nothing but Proton variable declarations): drop it whole.
  bool protonGenerated = false;
};

struct TerraformPart {
  std::vector<TerraformFile> files; // in the order the bundle lists them
  // Value files Proton generates next to the templates (`proton.auto.tfvars.json`, `*.tfvars`):
  // relative paths, not parsed, never carried over.
  std::vector<std::string> protonValueFiles;
};

// Is `name` (a file name without folder) one Proton generates for a Terraform deployment?
bool isProtonVariablesFileName(std::string_view name);
bool isTerraformValuesFileName(std::string_view name);

// Parses every .tf file of `part`. Nothing when a file cannot be read (PRS011) or parsed
// (kHclSyntaxRule); every file is tried so all syntax errors are reported at once.
std::optional<TerraformPart> readTerraformPart(const Bundle& bundle, const BundlePart& part,
                                               ir::Diagnostics& diagnostics);

} // namespace pm::frontend::hcl
