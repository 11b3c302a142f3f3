// A Terraform-based bundle part read as the model of a plain module: the schema inputs and the
// Proton values its files read become module inputs, and each Proton construct in the text is
// an edit a backend applies (a reference replaced by what the model value becomes there, a
// Proton-generated declaration removed).
#pragma once

#include "frontend/bundle/bundle.h"
#include "frontend/hcl/terraform_part.h"
#include "ir/diagnostics.h"
#include "ir/module.h"

#include <string>
#include <vector>

namespace pm::frontend::hcl {

enum class ProtonEditKind {
  Value,        // a reference to one input, context value or upstream output (`value`)
  Remove,       // a block Proton generates or a plain module cannot hold
  AllInputs,    // `var.service_instance.inputs` read as a whole: the map of the given inputs
  Tags,         // `var.proton_tags`
  InstanceList, // `var.service_instances`, the pipeline's list of instances
  Components,   // `var.service_instance.components` (the span), read as a whole
  AwsVersion,   // the version constraint of hashicorp/aws in `required_providers`
  Backend,      // a `backend "..." { }` block inside `terraform { }`: the state's location
};

struct ProtonEdit {
  Span span;
  ProtonEditKind kind = ProtonEditKind::Value;
  ir::ExprPtr value; // InputRef, ContextRef or UpstreamOutputRef, for Value edits
  ir::SourceLocation location;
};

struct PlainTerraformFile {
  std::string name; // file name in the module folder ("main.tf")
  std::string text; // as the author wrote it
  std::vector<ProtonEdit> edits;
  bool declaresProviders = false; // has `terraform { required_providers { ... } }`
  // The file's own variables without a default: whoever calls the module must set them.
  std::vector<std::string> requiredVariables;
};

struct PlainTerraformModule {
  ir::Module module; // inputs (schema, then context values), upstream modules; no resources
  std::vector<PlainTerraformFile> files;
};

// Reads `part` of `bundle` (rendering_engine: hcl). Each Proton reference that names nothing
// Proton provides is a PRS003 error at its location (Proton's plan fails on it too); a Proton
// object read whole that has no plain-module form (anything but `inputs` and the components)
// is a TF001 error. Nothing when a file does not parse or a reference cannot be converted.
std::optional<PlainTerraformModule> readPlainTerraformModule(const Bundle& bundle,
                                                             const BundlePart& part,
                                                             ir::Diagnostics& diagnostics);

} // namespace pm::frontend::hcl
