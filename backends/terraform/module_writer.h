// One module as a Terraform module folder: main.tf (locals, data sources, resources),
// variables.tf (inputs with validation blocks), outputs.tf and versions.tf.
#pragma once

#include "backends/conversion_model.h"
#include "backends/output_tree.h"
#include "backends/terraform/expression_translator.h"
#include "backends/terraform/resource_mapping.h"
#include "ir/diagnostics.h"
#include "ir/module.h"
#include "ir/passes/assign_identifiers.h"

#include <map>
#include <string>
#include <vector>

namespace pm::tf {

// What a root needs to know about a written module to call it.
struct ModuleInterface {
  std::string folder; // relative to the output root, e.g. "modules/environment"
  struct Variable {
    std::string name;
    std::string input;    // the input name, or "module.output" for an upstream output
    bool context = false; // a Proton context value
    bool upstream = false;
    bool stackName = false;
    bool required = false; // no default
    // Proton's objects of a Terraform-based bundle, built from the deployment's values.
    bool components = false; // service_instance.components: {default = {outputs = {...}}}
    bool instances = false;  // service_instances of a pipeline
  };
  std::vector<Variable> variables;
  std::vector<std::string> outputs;                  // Terraform output names
  std::map<std::string, std::string> outputBySource; // CloudFormation output name -> name
  std::map<std::string, ResourceTarget, std::less<>> resources; // by logical ID
};

// Per resource instance: which provider it went to (for the run summary).
struct MappingCounts {
  int curated = 0;
  int awscc = 0;
  int unmapped = 0;
};

ModuleInterface writeModule(const ir::Module& module, const ir::Identifiers& identifiers,
                            const std::string& folder, backends::OutputTree& output,
                            ir::Diagnostics& diagnostics, MappingCounts& counts);

// The folder of a module in the output: "modules/<Terraform name of the module>".
std::string moduleFolder(const backends::ConversionModel& model, const std::string& module);

// The provider versions every module is written for and checked against.
inline constexpr const char* kAwsProviderVersion = "~> 6.0";
inline constexpr const char* kAwsccProviderVersion = "~> 1.0";

// versions.tf: Terraform and the aws/awscc providers.
std::string versionsFile();

} // namespace pm::tf
