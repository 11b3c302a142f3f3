// Parametric mode's guard variables as CloudFormation Conditions: each Jinja condition over
// parameters becomes a named condition, and the guard lists on resources and outputs become
// conditions combining them (ir/guard.h).
#pragma once

#include "backends/servicecatalog/name_registry.h"
#include "backends/servicecatalog/product_parameters.h"
#include "ir/diagnostics.h"
#include "ir/module.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pm::backends::sc {

class GuardConditions {
public:
  // Condition names of the module itself are taken in `conditionNames` before this is built.
  GuardConditions(const ir::Module& module, ProductParameters& parameters,
                  NameRegistry& conditionNames, ir::Diagnostics& diagnostics);

  // The condition that holds when `variable` is true.
  std::string forVariable(const std::string& variable);
  // The condition under which something carrying `guards` (and the CloudFormation condition it
  // already had, if any) exists; nothing when there is no guard and no condition.
  std::optional<std::string> forGuards(const std::vector<ir::Guard>& guards,
                                       const std::optional<ir::LocatedName>& existing);

  // The generated conditions, in the order they were first used.
  const std::vector<ir::MapEntry>& entries() const { return entries_; }

private:
  ir::ExprPtr translate(const ir::ExprPtr& condition, const ir::SourceLocation& where);
  ir::ExprPtr truthOf(const ir::ExprPtr& reference, const ir::SourceLocation& where);
  ir::ExprPtr operand(const ir::ExprPtr& value, const ir::SourceLocation& where);
  ir::ExprPtr combine(ir::ExprKind kind, std::vector<ir::ExprPtr> conditions);
  ir::ExprPtr untranslatable(const ir::ExprPtr& condition, const ir::SourceLocation& where);
  std::string add(const std::string& key, const std::string& wanted, ir::ExprPtr expression);

  const ir::Module& module_;
  ProductParameters& parameters_;
  NameRegistry& names_;
  ir::Diagnostics& diagnostics_;
  std::map<std::string, std::string> byKey_; // guard variable or guard list -> condition name
  std::vector<ir::MapEntry> entries_;
};

} // namespace pm::backends::sc
