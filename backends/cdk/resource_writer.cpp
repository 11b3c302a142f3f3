// Writing one resource of a stack (see resource_writer.h).
#include "backends/cdk/resource_writer.h"

#include "backends/cdk/typescript_text.h"

#include <array>
#include <string_view>
#include <vector>

namespace pm::backends::cdk {

namespace {

using ir::ExprKind;
using ir::ExprPtr;

struct PolicyValue {
  std::string_view cloudFormation;
  std::string_view member; // of cdk.CfnDeletionPolicy
};

// CfnDeletionPolicy renders each member as the CloudFormation value.
constexpr std::array kPolicies{
    PolicyValue{"Delete", "DELETE"},
    PolicyValue{"Retain", "RETAIN"},
    PolicyValue{"Snapshot", "SNAPSHOT"},
    PolicyValue{"RetainExceptOnCreate", "RETAIN_EXCEPT_ON_CREATE"},
};

class ResourceText {
public:
  ResourceText(const ir::Resource& resource, const std::string& variable,
               const ResourceContext& context, int indent)
      : resource_(resource), variable_(variable), context_(context),
        pad_(static_cast<std::size_t>(indent), ' ') {}

  std::string write() {
    const CdkClass* cdkClass = context_.classes.find(resource_.type);
    if (!writeTyped(cdkClass))
      writeUntyped(cdkClass);
    writeAttributes();
    return out_;
  }

private:
  std::string id() const { return context_.writer.loopName(resource_.logicalId); }
  std::string lib() const { return context_.scope.lib; }
  void line(const std::string& text) { out_ += pad_ + text + "\n"; }

  // The core classes (cdk.CfnStack, cdk.CfnWaitConditionHandle, ...) live in no submodule.
  std::string qualifiedName(const CdkClass& cdkClass) const {
    std::string module = cdkClass.module.empty() ? "" : std::string(cdkClass.module) + ".";
    return lib() + "." + module + std::string(cdkClass.className);
  }

  bool hasRequiredProperties(const CdkStruct& props) const {
    for (const CdkProperty& property : props.properties) {
      if (!property.required)
        continue;
      bool present = false;
      for (const ir::MapEntry& entry : resource_.properties->entries())
        present = present || props.find(entry.key) == &property;
      if (!present)
        return false;
    }
    return true;
  }

  bool writeTyped(const CdkClass* cdkClass) {
    if (!cdkClass || !cdkClass->props)
      return false;
    bool isMap = resource_.properties && resource_.properties->kind() == ExprKind::Map;
    if (resource_.properties && !isMap)
      return false;
    if (isMap && !hasRequiredProperties(*cdkClass->props))
      return false;
    if (!isMap && !cdkClass->props->properties.empty()) {
      for (const CdkProperty& property : cdkClass->props->properties)
        if (property.required)
          return false;
    }
    std::vector<std::string> entries;
    if (isMap) {
      context_.writer.setIndent(static_cast<int>(pad_.size()) + 2);
      for (const ir::MapEntry& entry : resource_.properties->entries()) {
        const CdkProperty* property = cdkClass->props->find(entry.key);
        if (!property) {
          overrides_.push_back(
              {entry, "is not in the CDK class " + std::string(cdkClass->className)});
          continue;
        }
        context_.writer.resetUntyped();
        std::string value = context_.writer.write(entry.value, PropertyShape(property->shape));
        if (context_.writer.wroteUntyped()) {
          overrides_.push_back(
              {entry, "does not fit the CDK type of " + std::string(property->name)});
          if (!property->required)
            continue;
          // A required prop must be given: a placeholder the override replaces.
          value = "(" + lib() + ".Token.asAny(" + lib() + ".Aws.NO_VALUE) as any)";
        }
        entries.push_back(std::string(property->name) + ": " + value);
      }
    }
    std::string head =
        "const " + variable_ + " = new " + qualifiedName(*cdkClass) + "(this, " + id();
    if (entries.empty()) {
      line(head + ");");
    } else {
      line(head + ", {");
      for (const std::string& entry : entries)
        line("  " + entry + ",");
      line("});");
    }
    for (const auto& [entry, why] : overrides_) {
      context_.diagnostics.warning(kCdkPropertyOverrideRule, entry.keyLocation,
                                   "the property " + entry.key + " of " + resource_.logicalId +
                                       " " + why + "; it is set through addPropertyOverride");
      context_.writer.setIndent(static_cast<int>(pad_.size()));
      line(variable_ + ".addPropertyOverride(" + tsString(entry.key) + ", " +
           context_.writer.raw(entry.value) + ");");
    }
    return true;
  }

  void writeUntyped(const CdkClass* cdkClass) {
    bool custom = resource_.type.starts_with("Custom::");
    std::string why = cdkClass ? "its properties do not fit the typed CDK class " +
                                     std::string(cdkClass->className)
                               : "aws-cdk-lib has no L1 class for it";
    context_.diagnostics.report(custom ? ir::Severity::Info : ir::Severity::Warning,
                                kCdkUntypedResourceRule, resource_.typeLocation,
                                "the resource " + resource_.logicalId + " (" + resource_.type +
                                    ") is written as a cdk.CfnResource: " + why);
    context_.writer.setIndent(static_cast<int>(pad_.size()) + 2);
    line("const " + variable_ + " = new " + lib() + ".CfnResource(this, " + id() + ", {");
    line("  type: " + tsString(resource_.type) + ",");
    if (resource_.properties)
      line("  properties: " + context_.writer.raw(resource_.properties) + ",");
    line("});");
  }

  void writePolicy(std::string_view attribute, std::string_view option, const ExprPtr& value) {
    if (!value)
      return;
    if (value->kind() == ExprKind::String) {
      for (const PolicyValue& policy : kPolicies) {
        if (policy.cloudFormation == value->text()) {
          line(variable_ + ".cfnOptions." + std::string(option) + " = " + lib() +
               ".CfnDeletionPolicy." + std::string(policy.member) + ";");
          return;
        }
      }
    }
    override(attribute, value);
  }

  void override(std::string_view attribute, const ExprPtr& value) {
    if (!value)
      return;
    context_.writer.setIndent(static_cast<int>(pad_.size()));
    line(variable_ + ".addOverride(" + tsString(attribute) + ", " + context_.writer.raw(value) +
         ");");
  }

  void writeAttributes() {
    if (resource_.condition) {
      auto found = context_.scope.conditions.find(resource_.condition->name);
      if (found != context_.scope.conditions.end())
        line(variable_ + ".cfnOptions.condition = " + found->second + ";");
      else
        line(variable_ + ".addOverride('Condition', " + tsString(resource_.condition->name) + ");");
    }
    if (!resource_.dependsOn.empty()) {
      std::string names;
      for (const ir::LocatedName& name : resource_.dependsOn)
        names += (names.empty() ? "" : ", ") + context_.writer.loopName(name.name);
      line(variable_ + ".addOverride('DependsOn', [" + names + "]);");
    }
    writePolicy("DeletionPolicy", "deletionPolicy", resource_.deletionPolicy);
    writePolicy("UpdateReplacePolicy", "updateReplacePolicy", resource_.updateReplacePolicy);
    override("UpdatePolicy", resource_.updatePolicy);
    override("CreationPolicy", resource_.creationPolicy);
    if (resource_.metadata) {
      context_.writer.setIndent(static_cast<int>(pad_.size()));
      line(variable_ + ".cfnOptions.metadata = " + context_.writer.raw(resource_.metadata) + ";");
    }
    for (const ir::MapEntry& entry : resource_.otherAttributes)
      override(entry.key, entry.value);
  }

  const ir::Resource& resource_;
  const std::string& variable_;
  const ResourceContext& context_;
  std::string pad_;
  std::string out_;
  std::vector<std::pair<ir::MapEntry, std::string>> overrides_; // with the reason
};

} // namespace

std::string writeResource(const ir::Resource& resource, const std::string& variable,
                          const ResourceContext& context, int indent) {
  return ResourceText(resource, variable, context, indent).write();
}

} // namespace pm::backends::cdk
