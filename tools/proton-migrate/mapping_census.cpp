// Counting resources by the way each target carries them.
#include "tools/proton-migrate/mapping_census.h"

#include "backends/cdk/cdk_classes.h"
#include "backends/terraform/curated_coverage.h"
#include "backends/terraform/import_ids.h"
#include "ir/type_table.h"

namespace pm::driver {

namespace {

// Mirrors tf::planResources: curated when the mapping covers the resource, else awscc when
// the type has an awscc resource and its properties are a map. SAM resources are expanded
// into plain ones by the Terraform backend first (ir/passes/expand_serverless).
std::string terraformKind(const ir::Resource& resource) {
  if (resource.type.starts_with("AWS::Serverless::"))
    return "sam-expanded";
  const tf::MappingTables& tables = tf::MappingTables::instance();
  if (tf::curatedMappingFor(resource, tables))
    return "curated";
  bool propertiesAreMap = !resource.properties || resource.properties->kind() == ir::ExprKind::Map;
  return tables.awscc(resource.type) && propertiesAreMap ? "awscc" : "unmapped";
}

std::string kindOf(const ir::Resource& resource, std::string_view target) {
  if (target == "terraform")
    return terraformKind(resource);
  if (target == "cdk")
    return backends::cdk::CdkClasses::instance().find(resource.type) ? "l1" : "generic";
  return "kept";
}

} // namespace

void countResourcesByKind(const backends::ConversionModel& model, std::string_view target,
                          std::map<std::string, int>& counts) {
  for (const ir::Module& module : model.modules.modules())
    for (const ir::Resource& resource : module.resources)
      ++counts[kindOf(resource, target)];
}

void countPassThroughResources(const backends::OutputTree& output,
                               std::map<std::string, int>& counts) {
  for (const auto& [path, content] : output.files()) {
    if (!path.ends_with(".tf"))
      continue;
    for (std::size_t at = 0; at < content.size(); at = content.find('\n', at) + 1) {
      if (content.compare(at, 10, "resource \"") == 0)
        ++counts["pass-through"];
      if (content.find('\n', at) == std::string::npos)
        break;
    }
  }
}

void preloadConversionTables() {
  ir::TypeTable::instance();
  tf::MappingTables::instance();
  tf::ImportIdFormats::instance();
  backends::cdk::CdkClasses::instance();
}

} // namespace pm::driver
