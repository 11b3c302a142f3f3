// Modules whose Terraform the bundle already holds (Terraform-based Proton bundles): the
// author's files with each Proton construct replaced, plus the variables the model declares,
// and the root calling them, as for modules translated from CloudFormation.
#pragma once

#include "backends/conversion_model.h"
#include "backends/output_tree.h"
#include "backends/terraform/module_writer.h"

#include <map>
#include <string>
#include <vector>

namespace pm::tf {

enum class NativeEditKind {
  Value,        // replaced by the translation of `value` (an input, context value, upstream output)
  Remove,       // a Proton-generated declaration
  AllInputs,    // the map of every input given (Proton's `var.<scope>.inputs`)
  Tags,         // Proton's tags, now the `proton_tags` variable
  InstanceList, // the pipeline's list of service instances, now the `service_instances` variable
  Backend,      // a state backend block: removed, a module has none
  Components,   // the components attached to the service instance, now a map variable
  AwsVersion,   // the aws provider's version constraint: the one the module is checked with
};

struct NativeEdit {
  std::size_t begin = 0; // bytes of the file's text
  std::size_t end = 0;
  NativeEditKind kind = NativeEditKind::Value;
  ir::ExprPtr value;
  ir::SourceLocation location;
};

struct NativeFile {
  std::string name; // in the module folder
  std::string text;
  std::vector<NativeEdit> edits; // not overlapping
  bool declaresProviders = false;
  std::vector<std::string> requiredVariables; // the author's variables without a default
};

// The files of each module held as Terraform, by ir::Module name.
using NativeSources = std::map<std::string, std::vector<NativeFile>>;

// Writes every module of `model` whose files `sources` holds, and the root calling them. In
// rendered mode a module is one deployment's: the values it was given replace the references.
void emitNativeModules(const backends::ConversionModel& model, const NativeSources& sources,
                       backends::OutputTree& output, ir::Diagnostics& diagnostics);

} // namespace pm::tf
