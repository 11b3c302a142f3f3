// Rewrites a parametric expression into plain CloudFormation: Proton references become Refs to
// the product's parameters (or Fn::ImportValue of environment exports), concatenations become
// Fn::Sub, Guarded values Fn::If, and loop items the Fn::ForEach identifier.
#pragma once

#include "backends/servicecatalog/guard_conditions.h"
#include "backends/servicecatalog/product_parameters.h"
#include "backends/servicecatalog/service_catalog_options.h"
#include "ir/diagnostics.h"

#include <optional>
#include <string>

namespace pm::backends::sc {

// Inside a resource repeated by Fn::ForEach: the Jinja loop variable and the identifier that
// stands for the current element.
struct LoopScope {
  std::string variable;
  std::string identifier;
};

class ReferenceLowering {
public:
  ReferenceLowering(ProductParameters& parameters, GuardConditions& guards,
                    const ServiceCatalogOptions& options, ir::Diagnostics& diagnostics)
      : parameters_(parameters), guards_(guards), options_(options), diagnostics_(diagnostics) {}

  ir::ExprPtr lower(const ir::ExprPtr& expr);
  // Mappings may hold only literals: Fn::FindInMap into an entry of `module`'s mappings that
  // holds a reference is replaced by that entry's (lowered) value.
  void inlineMappingsOf(const ir::Module& module) { mappings_ = &module; }
  // True when the mapping value reads a parameter and so cannot stay in Mappings.
  static bool readsReferences(const ir::ExprPtr& value);
  // The loop the following lower() calls are inside of; nullopt outside loops.
  void enterLoop(std::optional<LoopScope> scope) { loop_ = std::move(scope); }

private:
  ir::ExprPtr reference(const ir::Expr& node);
  ir::ExprPtr loopItem(const ir::Expr& node);
  ir::ExprPtr list(const ir::Expr& node);
  ir::ExprPtr forEachItem(const ir::Expr& node);
  ir::ExprPtr sub(const ir::Expr& node);
  ir::ExprPtr findInMap(const ir::ExprPtr& node);
  // The name a Sub may print as ${name} for `value`, when `value` is a plain Ref.
  std::optional<std::string> subVariableName(const ir::ExprPtr& value) const;

  ProductParameters& parameters_;
  GuardConditions& guards_;
  const ServiceCatalogOptions& options_;
  ir::Diagnostics& diagnostics_;
  std::optional<LoopScope> loop_;
  const ir::Module* mappings_ = nullptr;
};

} // namespace pm::backends::sc
