// Resource blocks. Properties are renamed in the model first (CloudFormation names -> Terraform
// argument names), so one expression translator serves both providers.
#include "backends/terraform/resource_writer.h"

#include "ir/guard_evaluation.h"

#include "backends/terraform/argument_values.h"
#include "backends/terraform/curated_coverage.h"
#include "ir/instantiate.h"
#include "ir/target_names.h"

#include <fmt/format.h>

#include <algorithm>

namespace pm::tf {

namespace {

constexpr ir::NamingStyle kSnake{ir::CaseStyle::Snake, 0, "_", "_"};

// The value with its map keys renamed to awscc attribute names, JSON documents wrapped in
// Fn::ToJsonString (awscc takes them as strings). Nodes that are not literal maps or lists pass
// through unchanged.
ir::ExprPtr awsccValue(const ir::ExprPtr& value, const AwsccAttribute& attribute,
                       ModuleScope& scope) {
  using K = ir::ExprKind;
  if (!value)
    return value;
  switch (value->kind()) {
  case K::Map:
    if (attribute.nestedObject() && attribute.kind != "map") {
      std::vector<ir::MapEntry> entries;
      for (const ir::MapEntry& entry : value->entries()) {
        const AwsccAttribute* child = attribute.child(entry.key);
        if (!child) {
          scope.diagnostics.error(kUntranslatableRule, entry.keyLocation,
                                  fmt::format("property '{}' has no attribute in the awscc "
                                              "schema; it cannot be converted",
                                              entry.key));
          continue;
        }
        entries.push_back(
            ir::MapEntry{child->name, entry.keyLocation, awsccValue(entry.value, *child, scope)});
      }
      return ir::Expr::map(std::move(entries), value->location());
    }
    if (attribute.kind == "map" || attribute.kind.starts_with("map(")) {
      if (!attribute.nestedObject())
        return value;
      std::vector<ir::MapEntry> entries;
      AwsccAttribute item{attribute.name, "object", attribute.children};
      for (const ir::MapEntry& entry : value->entries())
        entries.push_back(
            ir::MapEntry{entry.key, entry.keyLocation, awsccValue(entry.value, item, scope)});
      return ir::Expr::map(std::move(entries), value->location());
    }
    return ir::Expr::call(K::ToJsonString, {value}, value->location());
  case K::List:
    if (attribute.nestedObject()) {
      AwsccAttribute item{attribute.name, "object", attribute.children};
      std::vector<ir::ExprPtr> items;
      for (const ir::ExprPtr& element : value->items())
        items.push_back(awsccValue(element, item, scope));
      return ir::Expr::list(std::move(items), value->location());
    }
    if (attribute.kind == "string")
      return ir::Expr::call(K::ToJsonString, {value}, value->location());
    return value;
  case K::Guarded:
    return ir::Expr::guarded(value->name(), awsccValue(value->arguments()[0], attribute, scope),
                             awsccValue(value->arguments()[1], attribute, scope),
                             value->location());
  case K::If:
    return ir::Expr::ifThen(value->name(), awsccValue(value->arguments()[0], attribute, scope),
                            awsccValue(value->arguments()[1], attribute, scope), value->location());
  case K::ForEach: // a list item repeated per element: the item is one element of the attribute
    return ir::Expr::forEach(value->name(), value->arguments()[0],
                             awsccValue(value->arguments()[1], attribute, scope),
                             value->location());
  default:
    return value;
  }
}

void writeCuratedArguments(const std::vector<ArgumentMapping>& arguments,
                           const ir::ExprPtr& properties, HclBody& body,
                           ExpressionTranslator& translator);

// Properties CloudFormation keeps at the top and Terraform in one nested block (`into`), in the
// order the block first appears.
void writeGatheredBlocks(const std::vector<ArgumentMapping>& arguments,
                         const ir::ExprPtr& properties, HclBody& body,
                         ExpressionTranslator& translator) {
  auto mappingOf = [&](const std::string& property) -> const ArgumentMapping* {
    for (const ArgumentMapping& candidate : arguments)
      if (candidate.property == property && candidate.kind == ArgumentKind::Into &&
          !candidate.keep.empty())
        return &candidate;
    return nullptr;
  };
  std::vector<std::string> blocks;
  for (const ir::MapEntry& entry : properties->entries())
    if (const ArgumentMapping* mapping = mappingOf(entry.key);
        mapping && std::find(blocks.begin(), blocks.end(), mapping->keep.front()) == blocks.end())
      blocks.push_back(mapping->keep.front());
  for (const std::string& name : blocks) {
    HclBody& block = body.block(name);
    for (const ir::MapEntry& entry : properties->entries())
      if (const ArgumentMapping* mapping = mappingOf(entry.key);
          mapping && mapping->keep.front() == name)
        block.attribute(mapping->argument, translator.translate(entry.value));
  }
}

// ScalingTargetId: !Ref Target -> resource_id = <target>.resource_id, ...
void writeSpread(const ArgumentMapping& argument, const ir::ExprPtr& value, HclBody& body,
                 ExpressionTranslator& translator) {
  ModuleScope& scope = translator.scope();
  auto target = value->kind() == ir::ExprKind::Ref ? scope.resources.find(value->name())
                                                   : scope.resources.end();
  if (target == scope.resources.end() || target->second.terraformType.empty()) {
    translator.error(*value, fmt::format("{} must be a Ref to a resource of the module to be "
                                         "converted to Terraform",
                                         argument.property));
    return;
  }
  for (const auto& [name, attribute] : argument.spread)
    body.attribute(name, translator.attributeOf(target->second, attribute));
}

// dynamic "block" { for_each = ...; iterator = ...; content { ... } } for a Jinja loop over
// blocks, or for a block a guard leaves out (for_each over zero or one element).
void writeDynamicBlock(const ArgumentMapping& argument, const ir::ExprPtr& item, HclBody& body,
                       ExpressionTranslator& translator) {
  ModuleScope& scope = translator.scope();
  HclBody& dynamic = body.block("dynamic", {argument.argument});
  std::string iterator;
  bool repeated = item->kind() == ir::ExprKind::ForEach;
  if (repeated) {
    iterator = ir::normaliseName(item->name(), kSnake);
    const ir::ExprPtr& collection = item->arguments()[0];
    HclExprPtr list = translator.translate(collection);
    dynamic.attribute("for_each", list);
    scope.loops.push_back(dynamicBlockFrame(item->name(), iterator, ir::collectionKey(*collection),
                                            inlineText(list)));
  } else {
    iterator = argument.argument;
    std::string guard = "local." + scope.localName(ir::NamedKind::Condition, item->name());
    bool presentWhenTrue = !ir::isNoValue(item->arguments()[0]);
    dynamic.attribute(
        "for_each", HclExpr::raw(presentWhenTrue ? guard + " ? [1] : []" : guard + " ? [] : [1]"));
  }
  dynamic.attribute("iterator", HclExpr::raw(iterator));
  HclBody& content = dynamic.block("content");
  writeCuratedArguments(argument.nested, repeatedBlockContent(item), content, translator);
  if (repeated)
    scope.loops.pop_back();
}

void writeCuratedArguments(const std::vector<ArgumentMapping>& arguments,
                           const ir::ExprPtr& properties, HclBody& body,
                           ExpressionTranslator& translator) {
  for (const ir::MapEntry& entry : properties->entries()) {
    const ArgumentMapping* argument = nullptr;
    for (const ArgumentMapping& candidate : arguments)
      if (candidate.property == entry.key)
        argument = &candidate;
    if (!argument)
      continue; // planResources made sure every key is mapped
    switch (argument->kind) {
    case ArgumentKind::Value:
      body.attribute(argument->argument, translator.translate(entry.value));
      break;
    case ArgumentKind::Tags:
      body.attribute(argument->argument, keyValueMap(entry.value, "Key", translator));
      break;
    case ArgumentKind::NameMap:
      body.attribute(argument->argument, keyValueMap(entry.value, "Name", translator));
      break;
    case ArgumentKind::List:
      body.attribute(argument->argument, entry.value->kind() == ir::ExprKind::List
                                             ? translator.translate(entry.value)
                                             : HclExpr::tuple({translator.translate(entry.value)}));
      break;
    case ArgumentKind::Single:
      body.attribute(argument->argument, translator.translate(entry.value->items().front()));
      break;
    case ArgumentKind::Json:
      body.attribute(argument->argument,
                     entry.value->kind() == ir::ExprKind::String
                         ? translator.translate(entry.value)
                         : hclCall("jsonencode", {translator.translate(entry.value)}));
      break;
    case ArgumentKind::ApiJson:
      body.attribute(
          argument->argument,
          hclCall("jsonencode", {translator.translate(apiCased(entry.value, argument->keep))}));
      break;
    case ArgumentKind::Enabled:
      body.attribute(argument->argument,
                     enabledFlag(entry.value,
                                 argument->keep.empty() ? "ENABLED" : argument->keep.front(),
                                 translator));
      break;
    case ArgumentKind::Keyed:
      for (const ir::ExprPtr& item : entry.value->items())
        body.attribute(keyedArgument(*argument, item)->second,
                       translator.translate(item->find("Value")->value));
      break;
    case ArgumentKind::Into:
      break; // written with its block, below
    case ArgumentKind::FieldBlocks:
      for (const ir::ExprPtr& item : entry.value->items()) {
        std::string field = item->find("Field")->value->text();
        std::replace(field.begin(), field.end(), '-', '_');
        body.block(argument->argument)
            .block(field)
            .attribute("values", translator.translate(item->find("Values")->value));
      }
      break;
    case ArgumentKind::Inline:
      writeCuratedArguments(argument->nested, entry.value, body, translator);
      break;
    case ArgumentKind::Pluck:
      body.attribute(argument->argument, translator.translate(plucked(*argument, entry.value)));
      break;
    case ArgumentKind::Dropped:
      writeDropped(*argument, entry, body, translator.scope());
      break;
    case ArgumentKind::Spread:
      writeSpread(*argument, entry.value, body, translator);
      break;
    case ArgumentKind::Block:
    case ArgumentKind::Blocks: {
      std::vector<ir::ExprPtr> items = entry.value->kind() == ir::ExprKind::List
                                           ? entry.value->items()
                                           : std::vector<ir::ExprPtr>{entry.value};
      for (const ir::ExprPtr& item : items) {
        if (isDynamicItem(item)) {
          writeDynamicBlock(*argument, item, body, translator);
          continue;
        }
        HclBody& block = body.block(argument->argument);
        writeCuratedArguments(argument->nested, item, block, translator);
      }
      break;
    }
    }
  }
  writeGatheredBlocks(arguments, properties, body, translator);
}

// The resource's properties with each `move` of the mapping applied.
ir::ExprPtr movedProperties(const CuratedMapping& mapping, const ir::ExprPtr& properties) {
  ir::ExprPtr moved = properties;
  for (const auto& [property, into] : mapping.moves) {
    const ir::MapEntry* entry = moved->find(property);
    const ir::MapEntry* target = moved->find(into);
    if (!entry || !target || target->value->kind() != ir::ExprKind::Map ||
        target->value->find(property))
      continue;
    std::vector<ir::MapEntry> inner = target->value->entries();
    inner.push_back(*entry);
    std::vector<ir::MapEntry> outer;
    for (const ir::MapEntry& kept : moved->entries()) {
      if (kept.key == property)
        continue;
      outer.push_back(kept.key == into
                          ? ir::MapEntry{kept.key, kept.keyLocation,
                                         ir::Expr::map(std::move(inner), kept.value->location())}
                          : kept);
    }
    moved = ir::Expr::map(std::move(outer), moved->location());
  }
  return moved;
}

void writeAwsccArguments(const ir::Resource& resource, const AwsccResource& awscc,
                         ModuleScope& scope, HclBody& body, ExpressionTranslator& translator) {
  for (const ir::MapEntry& entry : resource.properties->entries()) {
    const AwsccAttribute* attribute = awscc.root.child(entry.key);
    if (!attribute) {
      scope.diagnostics.error(kUntranslatableRule, entry.keyLocation,
                              fmt::format("property '{}' of {} has no attribute in {}; it "
                                          "cannot be converted",
                                          entry.key, resource.type, awscc.name));
      continue;
    }
    body.attribute(attribute->name,
                   translator.translate(awsccValue(entry.value, *attribute, scope)));
  }
}

// count from the CloudFormation Condition and the Jinja guards, or for_each from a Jinja loop
// (the two cannot be combined: the presence condition then filters the elements).
void writeMetaArguments(const ir::Resource& resource, ModuleScope& scope, HclBody& body,
                        ExpressionTranslator& translator) {
  std::string condition = presenceCondition(resource.condition, resource.guards, scope);
  if (!resource.loop) {
    if (!condition.empty())
      body.attribute("count", HclExpr::raw(condition + " ? 1 : 0"));
    return;
  }
  const ir::ExprPtr& collection = resource.loop->collection;
  body.attribute("for_each", HclExpr::raw(resourceForEach(
                                 resource.loop->variable, ir::collectionKey(*collection),
                                 inlineText(translator.translate(collection)), condition)));
}

// One resource per companion property the resource sets, existing exactly when it does.
void writeCompanions(const ir::Resource& resource, const ResourceTarget& target, ModuleScope& scope,
                     HclFile& file, ExpressionTranslator& translator) {
  for (const CompanionMapping& companion : target.curated->companions) {
    const ir::MapEntry* entry = resource.properties->find(companion.property);
    if (!entry)
      continue;
    HclBody& body =
        file.block("resource", {companion.terraformType, target.name + "_" + companion.nameSuffix});
    writeMetaArguments(resource, scope, body, translator);
    if (!body.empty())
      body.blankLine();
    for (const auto& [argument, value] : companion.fixed)
      body.attribute(argument, translator.attributeOf(target, value));
    HclBody& arguments = companion.block.empty() ? body : body.block(companion.block);
    writeCuratedArguments(companion.arguments, companionValue(companion, entry->value), arguments,
                          translator);
  }
}

void writeLifecycle(const ir::Resource& resource, ModuleScope& scope, HclBody& body) {
  std::vector<HclExprPtr> dependencies;
  for (const ir::LocatedName& dependency : resource.dependsOn) {
    auto found = scope.resources.find(dependency.name);
    if (found != scope.resources.end() && !found->second.terraformType.empty())
      dependencies.push_back(HclExpr::raw(found->second.address()));
  }
  if (!dependencies.empty()) {
    if (!body.empty())
      body.blankLine();
    body.attribute("depends_on", HclExpr::tuple(std::move(dependencies)));
  }
  const ir::ExprPtr& policy = resource.deletionPolicy;
  if (policy && policy->kind() == ir::ExprKind::String && policy->text() == "Retain") {
    if (!body.empty())
      body.blankLine();
    body.comment("DeletionPolicy Retain: CloudFormation kept the resource when the stack or the\n"
                 "resource was deleted. Terraform refuses to destroy it instead; remove this\n"
                 "block (or the resource from the state) to let it go.");
    body.block("lifecycle").attribute("prevent_destroy", HclExpr::raw("true"));
  }
}

} // namespace

void planResources(ModuleScope& scope, const MappingTables& tables) {
  for (const ir::Resource& resource : scope.module.resources) {
    ResourceTarget target;
    const std::string* name = scope.identifiers.find(ir::NamingTarget::Terraform, scope.module.name,
                                                     ir::NamedKind::Resource, resource.logicalId);
    target.name = name ? *name : ir::normaliseName(resource.logicalId, kSnake);
    target.looped = resource.loop.has_value();
    target.counted = !target.looped && (resource.condition || !resource.guards.empty());
    if (target.looped)
      target.loopCollection = ir::collectionKey(*resource.loop->collection);
    const CuratedMapping* curated = tables.curated(resource.type);
    bool propertiesAreMap =
        !resource.properties || resource.properties->kind() == ir::ExprKind::Map;
    if (curatedMappingFor(resource, tables)) {
      target.curated = curated;
      target.terraformType = curated->terraformType;
      target.refAttribute = curated->refAttribute;
    } else if (const AwsccResource* awscc = tables.awscc(resource.type);
               awscc && propertiesAreMap) {
      target.awscc = awscc;
      target.terraformType = awscc->name;
      target.refAttribute = awsccRefAttribute(resource.type);
      if (curated)
        scope.diagnostics.report(
            ir::Severity::Info, kAwsccFallbackRule, resource.location,
            fmt::format("{} ({}) uses properties the curated {} mapping does not cover; it is "
                        "converted to {}",
                        resource.logicalId, resource.type, curated->terraformType, awscc->name));
    } else {
      scope.diagnostics.error(
          kUnmappedTypeRule, resource.typeLocation,
          propertiesAreMap
              ? fmt::format("{} ({}): no Terraform resource type maps {} (no curated aws "
                            "mapping, no awscc resource)",
                            resource.logicalId, resource.type, resource.type)
              : fmt::format("{} ({}): properties given by an intrinsic function cannot be "
                            "converted to Terraform arguments",
                            resource.logicalId, resource.type));
    }
    scope.resources[resource.logicalId] = std::move(target);
  }
}

void writeResource(const ir::Resource& resource, ModuleScope& scope, HclFile& file) {
  const ResourceTarget& target = scope.resources.at(resource.logicalId);
  if (target.terraformType.empty())
    return;
  ExpressionTranslator translator(scope);
  if (resource.loop) {
    const ir::ExprPtr& collection = resource.loop->collection;
    scope.loops.push_back(resourceFrame(resource.loop->variable, ir::collectionKey(*collection),
                                        inlineText(translator.translate(collection))));
  }
  HclBody& body = file.block("resource", {target.terraformType, target.name});
  writeMetaArguments(resource, scope, body, translator);
  if (!body.empty())
    body.blankLine();
  if (target.curated) {
    for (const auto& [argument, value] : target.curated->fixed)
      body.attribute(argument, HclExpr::raw(value));
    for (const std::string& property : target.curated->generatedNames) {
      if (resource.properties && resource.properties->find(property))
        continue;
      scope.pseudoVariables.insert("stack_name");
      std::string name = "\"${var.stack_name}-" + resource.logicalId + "\"";
      body.attribute(
          target.curated->argument(property)->argument,
          HclExpr::raw(target.curated->lowercaseGeneratedNames ? "lower(" + name + ")" : name));
    }
    if (resource.properties)
      writeCuratedArguments(target.curated->arguments,
                            movedProperties(*target.curated, resource.properties), body,
                            translator);
  } else if (resource.properties) {
    writeAwsccArguments(resource, *target.awscc, scope, body, translator);
  }
  writeLifecycle(resource, scope, body);
  if (target.curated && resource.properties)
    writeCompanions(resource, target, scope, file, translator);
  if (resource.loop)
    scope.loops.pop_back();
}

std::string presenceCondition(const std::optional<ir::LocatedName>& condition,
                              const std::vector<ir::Guard>& guards, ModuleScope& scope) {
  std::string test;
  auto add = [&](const std::string& term) { test += (test.empty() ? "" : " && ") + term; };
  if (condition)
    add("local." + scope.localName(ir::NamedKind::Condition, condition->name));
  for (const ir::Guard& guard : guards)
    add(std::string(guard.whenTrue ? "" : "!") + "local." +
        scope.localName(ir::NamedKind::Condition, guard.variable));
  return test;
}

} // namespace pm::tf
