// Metadata edits for cfn-lint.
#include "backends/servicecatalog/lint_suppressions.h"

#include "backends/servicecatalog/template_document.h"
#include "ir/instantiate.h"

namespace pm::backends::sc {

namespace {

using ir::Expr;
using ir::ExprKind;
using ir::ExprPtr;

const ir::MapEntry* entryOf(const ExprPtr& map, std::string_view key) {
  return map && map->kind() == ExprKind::Map ? map->find(key) : nullptr;
}

// The map with `key` set to `value` (replaced in place, or added last).
ExprPtr withEntry(const ExprPtr& map, const std::string& key, ExprPtr value) {
  MapBuilder built;
  bool replaced = false;
  if (map && map->kind() == ExprKind::Map)
    for (const ir::MapEntry& entry : map->entries()) {
      replaced = replaced || entry.key == key;
      built.add(entry.key, entry.key == key ? value : entry.value);
    }
  if (!replaced)
    built.add(key, value);
  return built.build();
}

bool hasDynamicHostPort(const ir::Module& module) {
  bool found = false;
  for (const ir::Resource& resource : module.resources) {
    if (resource.type != "AWS::ECS::TaskDefinition")
      continue;
    ir::walkResourceExprs(resource, [&](const Expr& node) {
      if (node.kind() == ExprKind::Map)
        if (const ir::MapEntry* port = node.find("HostPort"))
          found = found || (port->value && port->value->kind() == ExprKind::Number &&
                            port->value->number().value == 0);
      return !found;
    });
  }
  return found;
}

} // namespace

ExprPtr withLintCheckIgnored(const ExprPtr& metadata, std::string_view check) {
  if (metadata && metadata->kind() != ExprKind::Map)
    return metadata; // not a map: nothing cfn-lint could read either
  const ir::MapEntry* lint = entryOf(metadata, "cfn-lint");
  const ir::MapEntry* config = lint ? entryOf(lint->value, "config") : nullptr;
  const ir::MapEntry* ignored = config ? entryOf(config->value, "ignore_checks") : nullptr;
  std::vector<ExprPtr> checks;
  if (ignored && ignored->value && ignored->value->kind() == ExprKind::List)
    checks = ignored->value->items();
  for (const ExprPtr& item : checks)
    if (item && item->kind() == ExprKind::String && item->text() == check)
      return metadata;
  checks.push_back(text(std::string(check)));
  ExprPtr newConfig =
      withEntry(config ? config->value : nullptr, "ignore_checks", items(std::move(checks)));
  ExprPtr newLint = withEntry(lint ? lint->value : nullptr, "config", newConfig);
  return withEntry(metadata, "cfn-lint", newLint);
}

void suppressDefaultHealthCheckPort(ir::Module& module, ir::Diagnostics& diagnostics) {
  if (!hasDynamicHostPort(module))
    return;
  for (ir::Resource& resource : module.resources) {
    if (resource.type != "AWS::ElasticLoadBalancingV2::TargetGroup" ||
        entryOf(resource.properties, "HealthCheckPort"))
      continue;
    diagnostics.report(ir::Severity::Note, kLintSuppressedRule, resource.location,
                       "target group '" + resource.logicalId +
                           "' leaves HealthCheckPort to its default, traffic-port, which a "
                           "container with a dynamic host port needs; cfn-lint E3049 wants it "
                           "written and is suppressed in its Metadata (the template stays as "
                           "deployed)");
    resource.metadata = withLintCheckIgnored(resource.metadata, "E3049");
  }
}

} // namespace pm::backends::sc
