// Assembling the product template section by section.
#include "backends/servicecatalog/product_template.h"

#include "backends/servicecatalog/guard_conditions.h"
#include "backends/servicecatalog/name_registry.h"
#include "backends/servicecatalog/product_parameters.h"
#include "backends/servicecatalog/reference_lowering.h"
#include "backends/servicecatalog/resource_loops.h"
#include "backends/servicecatalog/template_document.h"

namespace pm::backends::sc {

namespace {

using ir::Expr;
using ir::ExprPtr;

constexpr std::string_view kLanguageExtensions = "AWS::LanguageExtensions";
constexpr std::string_view kInterfaceKey = "AWS::CloudFormation::Interface";

ExprPtr nameList(const std::vector<ir::LocatedName>& names) {
  if (names.empty())
    return nullptr;
  std::vector<ExprPtr> values;
  for (const ir::LocatedName& name : names)
    values.push_back(text(name.name));
  return values.size() == 1 ? values.front() : items(std::move(values));
}

class TemplateAssembler {
public:
  TemplateAssembler(const ProductTemplateRequest& request, ir::Diagnostics& diagnostics)
      : request_(request), module_(request.module), diagnostics_(diagnostics),
        parameters_(reservedNames(), request.identifiers, logicalNames_),
        guards_(module_, parameters_, conditionNames_, diagnostics),
        lowering_(parameters_, guards_, request.options, diagnostics) {
    lowering_.inlineMappingsOf(module_);
    parameters_.defaultOutputsTo(request.environmentOutputs);
  }

  ProductTemplate build() {
    // Sections that create parameters and conditions on first use come before those listing
    // them.
    ExprPtr resources = resourcesSection();
    ExprPtr outputs = outputsSection();
    ExprPtr mappings = mappingsSection();
    ExprPtr conditions = conditionsSection();
    std::vector<ir::MapEntry> others;
    for (const ir::MapEntry& entry : module_.otherSections)
      others.push_back({entry.key, entry.keyLocation, lowering_.lower(entry.value)});
    ExprPtr metadata = metadataSection();

    MapBuilder document;
    document.add("AWSTemplateFormatVersion",
                 text(module_.formatVersion.empty() ? "2010-09-09" : module_.formatVersion));
    document.add("Description", descriptionOf());
    document.add("Transform", transformSection());
    document.add("Metadata", metadata);
    document.add("Parameters", parameters_.section());
    document.add("Mappings", mappings);
    document.add("Conditions", conditions);
    for (const ir::MapEntry& entry : others)
      document.add(entry.key, entry.value);
    document.add("Resources", resources);
    document.add("Outputs", outputs);
    return {document.build(), parameters_.namesByKey()};
  }

private:
  // Resource logical IDs and condition names are kept exactly; generated names avoid them.
  const ir::Module& reservedNames() {
    for (const ir::Resource& resource : module_.resources)
      logicalNames_.reserve(resource.logicalId);
    for (const ir::ResourceLoopFragment& loop : module_.resourceLoops)
      logicalNames_.reserve(loop.written.key);
    for (const ir::Condition& condition : module_.conditions)
      conditionNames_.reserve(condition.name);
    return module_;
  }

  ExprPtr descriptionOf() const {
    if (!module_.description.empty())
      return text(module_.description);
    if (!request_.describe)
      return nullptr;
    return text("Proton " + std::string(ir::moduleKindName(module_.kind)) + " template " +
                module_.name + " as a Service Catalog product");
  }

  ExprPtr transformSection() const {
    std::vector<ExprPtr> names;
    for (const std::string& transform : module_.transforms)
      names.push_back(text(transform));
    bool hasExtensions = module_.hasTransform(kLanguageExtensions);
    if (usesForEach_ && !hasExtensions)
      names.insert(names.begin(), text(std::string(kLanguageExtensions)));
    if (names.empty())
      return nullptr;
    return names.size() == 1 ? names.front() : items(std::move(names));
  }

  ExprPtr metadataSection() {
    ExprPtr metadata = lowering_.lower(module_.metadata);
    ExprPtr interface = parameters_.interface();
    bool hasSchemaInputs = false;
    for (const ProductParameter& parameter : parameters_.all())
      hasSchemaInputs = hasSchemaInputs || parameter.group != ParameterGroup::Template;
    if (!interface || !hasSchemaInputs)
      return metadata;
    MapBuilder merged;
    if (metadata && metadata->kind() == ir::ExprKind::Map)
      for (const ir::MapEntry& entry : metadata->entries())
        if (entry.key != kInterfaceKey)
          merged.add(entry.key, entry.value);
    merged.add(std::string(kInterfaceKey), interface);
    return merged.build();
  }

  ExprPtr resourceBody(const ir::Resource& resource) {
    MapBuilder body;
    body.add("Type", text(resource.type));
    if (auto condition = guards_.forGuards(resource.guards, resource.condition))
      body.add("Condition", text(*condition));
    body.add("DependsOn", nameList(resource.dependsOn));
    body.add("Metadata", lowering_.lower(resource.metadata));
    body.add("Properties", lowering_.lower(resource.properties));
    body.add("DeletionPolicy", lowering_.lower(resource.deletionPolicy));
    body.add("UpdateReplacePolicy", lowering_.lower(resource.updateReplacePolicy));
    body.add("CreationPolicy", lowering_.lower(resource.creationPolicy));
    body.add("UpdatePolicy", lowering_.lower(resource.updatePolicy));
    for (const ir::MapEntry& entry : resource.otherAttributes)
      body.add(entry.key, lowering_.lower(entry.value));
    return body.build();
  }

  ExprPtr resourcesSection() {
    MapBuilder section;
    auto body = [this](const ir::Resource& resource) { return resourceBody(resource); };
    for (const ir::Resource& resource : module_.resources) {
      if (!resource.loop) {
        section.add(resource.logicalId, resourceBody(resource));
        continue;
      }
      if (auto entry = forEachResource(resource, body, lowering_, logicalNames_, diagnostics_)) {
        section.add(entry->key, entry->value);
        usesForEach_ = true;
      }
    }
    addResourceLoops(section);
    return section.build();
  }

  // The template's own Fn::ForEach entries stay as written: the product keeps the
  // AWS::LanguageExtensions transform, so CloudFormation expands them as before.
  void addResourceLoops(MapBuilder& section) {
    for (const ir::ResourceLoopFragment& loop : module_.resourceLoops)
      section.add(loop.written.key, lowering_.lower(loop.written.value));
  }

  ExprPtr exportOf(const ir::Output& output) {
    if (output.exportName)
      return MapBuilder().add("Name", lowering_.lower(output.exportName)).build();
    if (!request_.exportOutputs)
      return nullptr;
    return MapBuilder().add("Name", fnSub("${AWS::StackName}-" + output.name)).build();
  }

  ExprPtr outputsSection() {
    MapBuilder section;
    for (const ir::Output& output : module_.outputs) {
      MapBuilder body;
      body.add("Description", output.description.empty() ? nullptr : text(output.description));
      if (auto condition = guards_.forGuards(output.guards, output.condition))
        body.add("Condition", text(*condition));
      body.add("Value", lowering_.lower(output.value));
      body.add("Export", exportOf(output));
      section.add(output.name, body.build());
    }
    return section.empty() ? nullptr : section.build();
  }

  // Entries that read inputs are inlined where they are looked up (ReferenceLowering), so
  // only the literal entries stay.
  static ExprPtr literalEntries(const ExprPtr& entries) {
    if (!entries || entries->kind() != ir::ExprKind::Map)
      return entries;
    MapBuilder kept;
    for (const ir::MapEntry& top : entries->entries()) {
      if (!top.value || top.value->kind() != ir::ExprKind::Map)
        continue;
      MapBuilder second;
      for (const ir::MapEntry& entry : top.value->entries())
        if (!ReferenceLowering::readsReferences(entry.value))
          second.add(entry.key, entry.value);
      if (!second.empty())
        kept.add(top.key, second.build());
    }
    return kept.empty() ? nullptr : kept.build();
  }

  ExprPtr mappingsSection() {
    MapBuilder section;
    for (const ir::Mapping& mapping : module_.mappings)
      section.add(mapping.name, literalEntries(mapping.entries));
    return section.empty() ? nullptr : section.build();
  }

  ExprPtr conditionsSection() {
    MapBuilder section;
    for (const ir::Condition& condition : module_.conditions)
      section.add(condition.name, lowering_.lower(condition.expression));
    for (const ir::MapEntry& entry : guards_.entries())
      section.add(entry.key, entry.value);
    return section.empty() ? nullptr : section.build();
  }

  const ProductTemplateRequest& request_;
  const ir::Module& module_;
  ir::Diagnostics& diagnostics_;
  NameRegistry logicalNames_;
  NameRegistry conditionNames_;
  ProductParameters parameters_;
  GuardConditions guards_;
  ReferenceLowering lowering_;
  bool usesForEach_ = false;
};

} // namespace

ProductTemplate buildProductTemplate(const ProductTemplateRequest& request,
                                     ir::Diagnostics& diagnostics) {
  return TemplateAssembler(request, diagnostics).build();
}

} // namespace pm::backends::sc
