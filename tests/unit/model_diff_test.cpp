// The model diff's replacement verdicts: top-level and nested create-only properties.
#include "ir/model_diff.h"
#include "ir/type_table.h"

#include <doctest/doctest.h>

#include <algorithm>

namespace {

using pm::ir::Expr;
using pm::ir::ExprPtr;

ExprPtr text(const std::string& value) {
  return Expr::string(value, {});
}

ExprPtr map(std::vector<std::pair<std::string, ExprPtr>> entries) {
  std::vector<pm::ir::MapEntry> list;
  for (auto& [key, value] : entries) {
    pm::ir::MapEntry entry;
    entry.key = key;
    entry.value = value;
    list.push_back(std::move(entry));
  }
  return Expr::map(std::move(list), {});
}

// One environment module holding one AWS::EC2::SpotFleet with the given config.
pm::ir::ModuleGraph fleet(const std::string& role, const std::string& capacity) {
  pm::ir::Module module;
  module.kind = pm::ir::ModuleKind::Environment;
  module.name = "env";
  pm::ir::Resource resource;
  resource.logicalId = "Fleet";
  resource.type = "AWS::EC2::SpotFleet";
  resource.properties = map(
      {{"SpotFleetRequestConfigData",
        map({{"IamFleetRole", text(role)}, {"TargetCapacity", Expr::number(capacity, 0, {})}})}});
  module.resources.push_back(resource);
  pm::ir::ModuleGraph graph;
  graph.add(std::move(module));
  return graph;
}

} // namespace

TEST_CASE("A changed create-only property nested in an object replaces the resource, a changed "
          "mutable one beside it does not") {
  REQUIRE(pm::ir::TypeTable::instance().loaded());
  const pm::ir::ResourceType* type = pm::ir::TypeTable::instance().find("AWS::EC2::SpotFleet");
  REQUIRE(type);
  const auto& paths = type->nestedCreateOnlyPaths();
  CHECK(std::find(paths.begin(), paths.end(), "SpotFleetRequestConfigData.IamFleetRole") !=
        paths.end());
  pm::ir::ModelDiff nested = pm::ir::diffModels(fleet("role-a", "1"), fleet("role-b", "1"));
  REQUIRE(nested.resources.size() == 1);
  CHECK(nested.resources[0].replacement);
  pm::ir::ModelDiff mutableChange = pm::ir::diffModels(fleet("role-a", "1"), fleet("role-a", "2"));
  REQUIRE(mutableChange.resources.size() == 1);
  CHECK_FALSE(mutableChange.resources[0].replacement);
  CHECK(mutableChange.resources[0].properties.at(0).name == "SpotFleetRequestConfigData");
}
