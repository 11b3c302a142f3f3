// Translation of model expressions (CloudFormation intrinsics, Proton references, parametric
// guards and loops) into HCL expressions of one Terraform module.
#pragma once

#include "backends/terraform/hcl_document.h"
#include "backends/terraform/loop_frames.h"
#include "backends/terraform/resource_mapping.h"
#include "ir/diagnostics.h"
#include "ir/module.h"
#include "ir/passes/assign_identifiers.h"

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace pm::tf {

inline constexpr const char* kUntranslatableRule = "TF001";
inline constexpr const char* kUnmappedTypeRule = "TF002";
inline constexpr const char* kAwsccFallbackRule = "TF003";
inline constexpr const char* kRetainNoteRule = "TF004";
inline constexpr const char* kDroppedPropertyRule = "TF010";

// Where a resource of the module went.
struct ResourceTarget {
  std::string terraformType; // aws_vpc, awscc_ec2_vpc; empty when unmapped
  std::string name;          // the Terraform resource name
  const CuratedMapping* curated = nullptr;
  const AwsccResource* awscc = nullptr;
  bool counted = false;       // has `count`: references index [0]
  bool looped = false;        // has `for_each`
  std::string loopCollection; // when looped: ir::collectionKey of the list it loops over
  std::string refAttribute;   // what Ref reads: an attribute, or a template ('@' = resource)
  std::string address() const { return terraformType + "." + name; }
};

// What the translation of a module needs and collects.
struct ModuleScope {
  ModuleScope(const ir::Module& module, const ir::Identifiers& identifiers,
              ir::Diagnostics& diagnostics)
      : module(module), identifiers(identifiers), diagnostics(diagnostics) {}

  const ir::Module& module;
  const ir::Identifiers& identifiers;
  ir::Diagnostics& diagnostics;
  std::map<std::string, ResourceTarget, std::less<>> resources; // by logical ID
  // Collected while translating, declared afterwards.
  std::set<std::string> dataSources;                    // "aws_region", ...
  std::map<std::string, std::string> upstreamVariables; // variable -> "module.output"
  std::set<std::string> pseudoVariables;                // stack_name, stack_id
  // Data sources dynamic references read: (type, name) -> (argument, value).
  std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> lookups;
  std::vector<LoopFrame> loops; // the loops being translated, innermost last

  // The innermost loop over the list `collectionKey`; nullptr outside such loops.
  const LoopFrame* loopOver(std::string_view collectionKey) const;

  std::string variableName(std::string_view input) const;
  std::string localName(ir::NamedKind kind, std::string_view source) const;
  std::string upstreamVariableName(const ir::UpstreamOutput& output) const;
};

class ExpressionTranslator {
public:
  explicit ExpressionTranslator(ModuleScope& scope) : scope_(scope) {}

  HclExprPtr translate(const ir::ExprPtr& expr);
  // A condition (CloudFormation Conditions or a guard's Jinja condition) as a boolean.
  HclExprPtr condition(const ir::ExprPtr& expr);
  // A Jinja guard's condition, with Python truth for plain references.
  HclExprPtr guardCondition(const ir::ExprPtr& expr);
  HclExprPtr ref(std::string_view name, const ir::SourceLocation& location);
  HclExprPtr getAtt(std::string_view logicalId, std::string_view attribute,
                    const ir::SourceLocation& location);
  HclExprPtr error(const ir::Expr& expr, std::string message);
  // `translation` is an attribute name, or an HCL template in which each '@' is the resource.
  HclExprPtr attributeOf(const ResourceTarget& target, std::string translation) const;
  ModuleScope& scope() { return scope_; }

private:
  HclExprPtr inputValue(const ir::Input& input);
  HclExprPtr dynamicReference(const ir::Expr& expr);
  HclExprPtr sub(const ir::Expr& expr);
  HclExprPtr list(const ir::Expr& expr);
  HclExprPtr map(const ir::Expr& expr);
  HclExprPtr call(const ir::Expr& expr);
  HclExprPtr loopItem(const ir::Expr& expr);
  HclExprPtr forExpression(const ir::Expr& forEach);
  std::string resourceReference(const ResourceTarget& target) const;

  ModuleScope& scope_;
};

// The attribute of an awscc resource of `cloudFormationType` that holds what Ref returns.
std::string awsccRefAttribute(std::string_view cloudFormationType);

// A single-line HCL expression's text ("var.x"), for template interpolations.
std::string inlineText(const HclExprPtr& expr);

} // namespace pm::tf
