// The Parameters of a product template: one per schema input (with the schema's constraints),
// one per Proton context value and per environment output the template reads, and the
// AWS::CloudFormation::Interface metadata that groups and labels them in the console.
#pragma once

#include "backends/servicecatalog/name_registry.h"
#include "ir/expr.h"
#include "ir/instantiate.h"
#include "ir/module.h"
#include "ir/passes/assign_identifiers.h"

#include <deque>
#include <map>
#include <string>
#include <vector>

namespace pm::backends::sc {

enum class ParameterGroup { Inputs, Context, EnvironmentOutputs, Template };

struct ProductParameter {
  std::string name;  // the parameter's logical name
  std::string label; // shown in the console
  ParameterGroup group = ParameterGroup::Inputs;
  ir::ExprPtr definition; // the Parameters entry
  const ir::Input* input = nullptr;
};

class ProductParameters {
public:
  // Declares every input of `module` (schema inputs, context inputs, or the CloudFormation
  // parameters of a rendered template) under the CloudFormation names of `identifiers`.
  ProductParameters(const ir::Module& module, const ir::Identifiers& identifiers,
                    NameRegistry& names);

  // The parameter standing for an InputRef, ContextRef or UpstreamOutputRef; a context value
  // or environment output without one gets a String parameter on first use.
  const ProductParameter& forReference(const ir::Expr& reference);
  // Environment output parameters default to these values (by "module.output"): the values a
  // rendered template was rendered with. `values` must outlive this object.
  void defaultOutputsTo(const std::map<std::string, ir::BoundValue>* values) {
    outputValues_ = values;
  }
  // The parameter holding the environment's stack name (for Fn::ImportValue of its exports).
  const ProductParameter& environmentStackName();

  // Parameter names by reference key: "input:<name>", "context:<path>", "output:<module>.<name>".
  std::map<std::string, std::string> namesByKey() const;
  const std::deque<ProductParameter>& all() const { return parameters_; }
  ir::ExprPtr section() const;   // the Parameters section, null when there are none
  ir::ExprPtr interface() const; // AWS::CloudFormation::Interface, null when there are none

private:
  const ProductParameter& declare(const std::string& key, ProductParameter parameter);
  const ProductParameter& declareText(const std::string& key, const std::string& wanted,
                                      std::string label, ParameterGroup group,
                                      std::string description,
                                      const ir::BoundValue* defaultValue = nullptr);

  NameRegistry& names_;
  std::deque<ProductParameter> parameters_;  // stable references
  std::map<std::string, std::size_t> byKey_; // "input:x", "context:a.b", "output:m.o"
  const std::map<std::string, ir::BoundValue>* outputValues_ = nullptr;
};

// The CloudFormation parameter value that stands for a Jinja-printed boolean ("True").
std::string booleanParameterValue(bool value);

} // namespace pm::backends::sc
