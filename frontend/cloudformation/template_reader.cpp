// The top level of a template: its sections, per the CloudFormation "Template anatomy" page.
#include "frontend/cloudformation/template_reader.h"

#include "frontend/cloudformation/expr_builder.h"
#include "frontend/cloudformation/parameter_reader.h"
#include "frontend/cloudformation/resource_loop_reader.h"
#include "frontend/cloudformation/resource_reader.h"
#include "frontend/cloudformation/rules.h"
#include "frontend/cloudformation/template_values.h"

#include <array>
#include <fmt/format.h>
#include <map>
#include <string_view>

namespace pm::frontend {

namespace {

using ir::ExprKind;

constexpr std::string_view kFormatVersion = "2010-09-09";

class TemplateReader {
public:
  TemplateReader(const std::string& path, const std::string& text, ir::Diagnostics& diagnostics)
      : builder_(path, text, diagnostics), diagnostics_(diagnostics) {
    module_.sourcePath = path;
    module_.name = path;
  }

  ir::Module read(const SyntaxNode& root) {
    module_.location = root.location;
    // Transform decides what resource attributes are valid, so it is read first.
    for (const auto& [key, value] : root.entries)
      if (key.text == "Transform")
        readTransform(builder_.build(value));
    std::map<std::string, ir::SourceLocation> seen;
    for (const auto& [key, value] : root.entries) {
      if (isDuplicate(key, seen))
        continue;
      auto scope =
          key.text == "Conditions" ? ExprBuilder::Scope::Conditions : ExprBuilder::Scope::Value;
      readSection({key.text, key.location, builder_.build(value, scope)});
    }
    if (!seen.contains("Resources"))
      diagnostics_.error(kTemplateStructureRule, root.location,
                         "the template has no Resources section; CloudFormation requires at "
                         "least one resource");
    return std::move(module_);
  }

private:
  using SectionReader = void (TemplateReader::*)(const ir::MapEntry&);
  struct Section {
    std::string_view name;
    SectionReader read;
  };

  bool isDuplicate(const SyntaxKey& key, std::map<std::string, ir::SourceLocation>& seen) {
    auto [first, inserted] = seen.emplace(key.text, key.location);
    if (inserted)
      return false;
    auto& diagnostic = diagnostics_.error(
        kTemplateStructureRule, key.location,
        fmt::format("duplicate section '{}'; CloudFormation rejects duplicate keys", key.text));
    diagnostic.notes.push_back({"", ir::Severity::Note, "first written here", first->second, {}});
    return true;
  }

  void readSection(const ir::MapEntry& section) {
    // Declared here, where the class is complete, so the member pointers can be taken.
    static constexpr std::array kSections{
        Section{"AWSTemplateFormatVersion", &TemplateReader::readFormatVersion},
        Section{"Description", &TemplateReader::readDescription},
        Section{"Metadata", &TemplateReader::readMetadata},
        Section{"Parameters", &TemplateReader::readParameters},
        Section{"Rules", &TemplateReader::keepSection},
        Section{"Mappings", &TemplateReader::readMappings},
        Section{"Conditions", &TemplateReader::readConditions},
        Section{"Transform", &TemplateReader::skipSection}, // read first, see read()
        Section{"Resources", &TemplateReader::readResources},
        Section{"Outputs", &TemplateReader::readOutputs},
        Section{"Hooks", &TemplateReader::keepSection},
        // SAM's Globals section is valid next to the Serverless transform.
        Section{"Globals", &TemplateReader::keepSection},
    };
    for (const Section& known : kSections)
      if (known.name == section.key)
        return (this->*known.read)(section);
    diagnostics_.error(kTemplateStructureRule, section.keyLocation,
                       fmt::format("unknown top-level section '{}'; CloudFormation knows "
                                   "AWSTemplateFormatVersion, Description, Metadata, "
                                   "Parameters, Rules, Mappings, Conditions, Transform, "
                                   "Resources, Outputs and Hooks",
                                   section.key));
    module_.otherSections.push_back(section);
  }

  // The entries of a section that must be a map; reports and returns nothing otherwise.
  const std::vector<ir::MapEntry>* sectionEntries(const ir::MapEntry& section) {
    if (section.value->kind() == ExprKind::Map)
      return &section.value->entries();
    if (section.value->kind() != ExprKind::Unsupported)
      diagnostics_.error(kTemplateStructureRule, section.value->location(),
                         fmt::format("the {} section must be a map of names to declarations, "
                                     "found {}",
                                     section.key, ir::exprKindName(section.value->kind())));
    return nullptr;
  }

  // Section-level Fn::Transform (AWS::Include) and Fn::ForEach (AWS::LanguageExtensions)
  // produce declarations only when CloudFormation processes the template.
  bool isGeneratedEntry(const ir::MapEntry& entry, std::string_view section) {
    if (!entry.key.starts_with("Fn::"))
      return false;
    diagnostics_.error(kTemplateStructureRule, entry.keyLocation,
                       fmt::format("cannot read '{}' in the {} section: the declarations it "
                                   "produces exist only after CloudFormation processes the "
                                   "template; expand it in the template{}",
                                   entry.key, section,
                                   entry.key.starts_with(kForEachPrefix)
                                       ? " (or declare Transform: AWS::LanguageExtensions)"
                                       : ""));
    module_.otherSections.push_back(entry);
    return true;
  }

  void readFormatVersion(const ir::MapEntry& section) {
    auto version = requireString(section.value, "AWSTemplateFormatVersion", diagnostics_);
    if (version && *version != kFormatVersion)
      diagnostics_.error(kTemplateStructureRule, section.value->location(),
                         fmt::format("AWSTemplateFormatVersion is '{}'; the only valid value "
                                     "is '{}'",
                                     *version, kFormatVersion));
    module_.formatVersion = version.value_or("");
  }

  void readDescription(const ir::MapEntry& section) {
    module_.description = requireString(section.value, "Description", diagnostics_).value_or("");
  }

  void readMetadata(const ir::MapEntry& section) { module_.metadata = section.value; }
  void keepSection(const ir::MapEntry& section) { module_.otherSections.push_back(section); }
  void skipSection(const ir::MapEntry&) {}

  void readTransform(const ir::ExprPtr& value) {
    // A macro with parameters is written {Name: X, Parameters: {...}}; keep its name.
    if (value->kind() == ExprKind::Map) {
      if (const ir::MapEntry* name = value->find("Name"))
        if (auto text = requireString(name->value, "Transform Name", diagnostics_))
          module_.transforms.push_back(*text);
      return;
    }
    for (const ir::LocatedName& name : readNameList(value, "Transform", diagnostics_))
      module_.transforms.push_back(name.name);
  }

  void readParameters(const ir::MapEntry& section) {
    if (const auto* entries = sectionEntries(section))
      for (const ir::MapEntry& entry : *entries)
        if (!isGeneratedEntry(entry, section.key))
          module_.inputs.push_back(readParameter(entry, diagnostics_));
  }

  void readMappings(const ir::MapEntry& section) {
    const auto* entries = sectionEntries(section);
    if (!entries)
      return;
    for (const ir::MapEntry& entry : *entries) {
      bool mapOfMaps = entry.value->kind() == ExprKind::Map;
      if (mapOfMaps)
        for (const ir::MapEntry& top : entry.value->entries())
          mapOfMaps = mapOfMaps && top.value->kind() == ExprKind::Map;
      if (!mapOfMaps)
        diagnostics_.error(kTemplateStructureRule, entry.keyLocation,
                           fmt::format("mapping '{}' must be a map of top-level keys to maps of "
                                       "second-level keys to values",
                                       entry.key));
      module_.mappings.push_back({entry.key, entry.value, entry.keyLocation});
    }
  }

  void readConditions(const ir::MapEntry& section) {
    const auto* entries = sectionEntries(section);
    if (!entries)
      return;
    for (const ir::MapEntry& entry : *entries) {
      ExprKind kind = entry.value->kind();
      bool isCondition = kind == ExprKind::Equals || kind == ExprKind::And ||
                         kind == ExprKind::Or || kind == ExprKind::Not ||
                         kind == ExprKind::Condition || kind == ExprKind::Unsupported;
      if (!isCondition)
        diagnostics_.error(kTemplateStructureRule, entry.value->location(),
                           fmt::format("condition '{}' must be Fn::Equals, Fn::And, Fn::Or, "
                                       "Fn::Not or Condition, found {}",
                                       entry.key, ir::exprKindName(kind)));
      module_.conditions.push_back({entry.key, entry.value, entry.keyLocation});
    }
  }

  void readResources(const ir::MapEntry& section) {
    const auto* entries = sectionEntries(section);
    if (!entries)
      return;
    if (entries->empty())
      diagnostics_.error(kTemplateStructureRule, section.keyLocation,
                         "the Resources section is empty; CloudFormation requires at least one "
                         "resource");
    bool serverless = module_.hasTransform(ir::kServerlessTransform);
    for (const ir::MapEntry& entry : *entries)
      if (isResourceLoop(entry))
        keepResourceLoop(entry);
      else if (!isGeneratedEntry(entry, section.key))
        if (auto resource = readResource(entry, serverless, diagnostics_))
          module_.resources.push_back(std::move(*resource));
  }

  bool isResourceLoop(const ir::MapEntry& entry) const {
    return entry.key.starts_with(kForEachPrefix) &&
           module_.hasTransform(ir::kLanguageExtensionsTransform);
  }

  void keepResourceLoop(const ir::MapEntry& entry) {
    bool serverless = module_.hasTransform(ir::kServerlessTransform);
    if (auto loop = readResourceLoop(entry, serverless, diagnostics_))
      module_.resourceLoops.push_back(std::move(*loop));
  }

  void readOutputs(const ir::MapEntry& section) {
    if (const auto* entries = sectionEntries(section))
      for (const ir::MapEntry& entry : *entries)
        if (!isGeneratedEntry(entry, section.key))
          readOutput(entry);
  }

  void readOutput(const ir::MapEntry& entry) {
    checkLogicalId(entry.key, entry.keyLocation, "output", diagnostics_);
    ir::Output output{entry.key, nullptr, {}, nullptr, std::nullopt, entry.keyLocation, {}};
    if (entry.value->kind() != ExprKind::Map) {
      diagnostics_.error(kTemplateStructureRule, entry.keyLocation,
                         fmt::format("output '{}' must be a map with a Value", entry.key));
      return;
    }
    for (const ir::MapEntry& attribute : entry.value->entries())
      readOutputAttribute(output, attribute);
    if (!output.value)
      diagnostics_.error(kTemplateStructureRule, entry.keyLocation,
                         fmt::format("output '{}' has no Value", entry.key));
    module_.outputs.push_back(std::move(output));
  }

  void readOutputAttribute(ir::Output& output, const ir::MapEntry& attribute) {
    if (attribute.key == "Value") {
      output.value = attribute.value;
    } else if (attribute.key == "Description") {
      output.description =
          requireString(attribute.value, "an output Description", diagnostics_).value_or("");
    } else if (attribute.key == "Condition") {
      if (auto name = requireString(attribute.value, "an output Condition", diagnostics_))
        output.condition = ir::LocatedName{*name, attribute.value->location()};
    } else if (attribute.key == "Export") {
      const ir::MapEntry* name =
          attribute.value->kind() == ExprKind::Map ? attribute.value->find("Name") : nullptr;
      if (name)
        output.exportName = name->value;
      else
        diagnostics_.error(kTemplateStructureRule, attribute.value->location(),
                           "an output Export must be a map with a Name");
    } else {
      reportUnknownKey(attribute, "output attribute", "Value, Description, Export, Condition",
                       diagnostics_);
    }
  }

  ExprBuilder builder_;
  ir::Diagnostics& diagnostics_;
  ir::Module module_;
};

} // namespace

std::optional<ir::Module> readTemplateSections(const std::string& path, const std::string& text,
                                               const SyntaxNode& root,
                                               ir::Diagnostics& diagnostics) {
  if (root.kind != SyntaxNode::Kind::Mapping || !root.tag.empty()) {
    const char* found = root.kind == SyntaxNode::Kind::Null ? "an empty document" : "a value";
    diagnostics.error(kTemplateStructureRule, root.location,
                      fmt::format("a CloudFormation template must be a map of sections "
                                  "(Resources, Parameters, ...), found {}",
                                  found));
    return std::nullopt;
  }
  return TemplateReader(path, text, diagnostics).read(root);
}

} // namespace pm::frontend
