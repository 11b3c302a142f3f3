// Writing one module folder. Resources are translated first: what they read (data sources,
// upstream outputs, the stack name) decides which data blocks and variables are declared.
#include "backends/terraform/module_writer.h"

#include "backends/terraform/expression_translator.h"
#include "backends/terraform/hcl_document.h"
#include "backends/terraform/resource_writer.h"
#include "backends/terraform/variable_writer.h"
#include "ir/target_names.h"

#include <fmt/format.h>

namespace pm::tf {

namespace {

struct DataSource {
  std::string_view type;
  std::string_view name;
};

constexpr DataSource kDataSources[] = {
    {"aws_availability_zones", "available"},
    {"aws_caller_identity", "current"},
    {"aws_partition", "current"},
    {"aws_region", "current"},
};

void writeLocals(ModuleScope& scope, HclFile& file) {
  ExpressionTranslator translator(scope);
  std::vector<HclEntry> locals;
  for (const ir::Condition& condition : scope.module.conditions)
    locals.push_back(HclEntry{scope.localName(ir::NamedKind::Condition, condition.name),
                              translator.condition(condition.expression)});
  for (const ir::GuardVariable& guard : scope.module.guards)
    locals.push_back(HclEntry{scope.localName(ir::NamedKind::Condition, guard.name),
                              translator.guardCondition(guard.condition)});
  for (const ir::Mapping& mapping : scope.module.mappings)
    locals.push_back(HclEntry{scope.localName(ir::NamedKind::Mapping, mapping.name),
                              translator.translate(mapping.entries)});
  if (locals.empty())
    return;
  HclBody& body = file.block("locals");
  for (HclEntry& local : locals)
    body.attribute(local.key, local.value);
}

std::string outputsFile(ModuleScope& scope, ModuleInterface& interface) {
  HclFile file;
  ExpressionTranslator translator(scope);
  for (const ir::Output& output : scope.module.outputs) {
    std::string name = scope.localName(ir::NamedKind::Output, output.name);
    interface.outputs.push_back(name);
    interface.outputBySource[output.name] = name;
    HclBody& body = file.block("output", {name});
    if (!output.description.empty())
      body.attribute("description", hclString(output.description));
    HclExprPtr value = translator.translate(output.value);
    std::string condition = presenceCondition(output.condition, output.guards, scope);
    if (!condition.empty())
      value = hclConditional(HclExpr::raw(condition), value, hclNull());
    body.attribute("value", value);
    if (output.exportName)
      body.comment("CloudFormation exported this output as " +
                   inlineText(translator.translate(output.exportName)) +
                   "; Terraform has no exports: read it from this module's outputs.");
  }
  return file.print();
}

void countMappings(const ModuleScope& scope, MappingCounts& counts) {
  for (const auto& [logicalId, target] : scope.resources) {
    if (target.curated)
      ++counts.curated;
    else if (target.awscc)
      ++counts.awscc;
    else
      ++counts.unmapped;
  }
}

} // namespace

std::string moduleFolder(const backends::ConversionModel& model, const std::string& module) {
  constexpr ir::NamingStyle kSnake{ir::CaseStyle::Snake, 0, "_", "_"};
  const std::string* name =
      model.passes.identifiers.moduleName(ir::NamingTarget::Terraform, module);
  return "modules/" + (name ? *name : ir::normaliseName(module, kSnake));
}

std::string versionsFile() {
  HclFile file;
  HclBody& terraform = file.block("terraform");
  terraform.attribute("required_version", hclString(">= 1.5.0"));
  terraform.blankLine();
  HclBody& providers = terraform.block("required_providers");
  providers.attribute("aws", HclExpr::object({{"source", hclString("hashicorp/aws")},
                                              {"version", hclString(kAwsProviderVersion)}}));
  providers.attribute("awscc", HclExpr::object({{"source", hclString("hashicorp/awscc")},
                                                {"version", hclString(kAwsccProviderVersion)}}));
  return file.print();
}

ModuleInterface writeModule(const ir::Module& module, const ir::Identifiers& identifiers,
                            const std::string& folder, backends::OutputTree& output,
                            ir::Diagnostics& diagnostics, MappingCounts& counts) {
  ModuleScope scope(module, identifiers, diagnostics);
  const MappingTables& tables = MappingTables::instance();
  if (!tables.loadError().empty())
    diagnostics.error(kUnmappedTypeRule, module.location, tables.loadError());
  planResources(scope, tables);
  countMappings(scope, counts);

  HclFile resources;
  for (const ir::Resource& resource : module.resources)
    writeResource(resource, scope, resources);
  ModuleInterface interface;
  interface.folder = folder;
  interface.resources = scope.resources;
  std::string outputs = outputsFile(scope, interface);

  HclFile main;
  writeLocals(scope, main);
  for (const DataSource& source : kDataSources) {
    if (!scope.dataSources.count(std::string(source.type)))
      continue;
    HclBody& body = main.block("data", {std::string(source.type), std::string(source.name)});
    if (source.type == "aws_availability_zones")
      body.attribute("state", hclString("available"));
  }
  for (const auto& [source, argument] : scope.lookups)
    main.block("data", {source.first, source.second})
        .attribute(argument.first, hclString(argument.second));
  std::string mainText = main.print();
  std::string resourceText = resources.print();
  if (!mainText.empty() && !resourceText.empty())
    mainText += "\n";
  output.write(folder + "/main.tf", mainText + resourceText);
  output.write(folder + "/variables.tf", variablesFile(scope, interface));
  output.write(folder + "/outputs.tf", outputs);
  output.write(folder + "/versions.tf", versionsFile());
  return interface;
}

} // namespace pm::tf
