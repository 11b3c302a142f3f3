// Checking a product template against the module it was made from: the template evaluated for
// a deployment's values (parameters, Conditions, Fn::If, Fn::Sub and Refs evaluated here, not by
// CloudFormation) gives the resources of the module instantiated with those values.
#pragma once

#include "backends/loop_fallback.h"
#include "backends/servicecatalog/cloudformation_writer.h"
#include "backends/servicecatalog/product_template.h"
#include "ir/expr_equality.h"
#include "ir/expr_text.h"
#include "ir/instantiate.h"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <string>

namespace pm::test {

using ir::Expr;
using ir::ExprKind;
using ir::ExprPtr;

// A product template evaluated for one set of parameter values.
class ProductEvaluation {
public:
  ProductEvaluation(const ExprPtr& document, std::map<std::string, std::string> parameters)
      : document_(document), parameters_(std::move(parameters)) {
    if (const ir::MapEntry* section = document->find("Parameters"))
      for (const ir::MapEntry& entry : section->value->entries())
        if (const ir::MapEntry* given = entry.value->find("Default"))
          if (!parameters_.count(entry.key) && given->value->kind() != ExprKind::List)
            parameters_[entry.key] = scalar(given->value);
  }

  ExprPtr resource(const std::string& logicalId) const {
    const ir::MapEntry* resources = document_->find("Resources");
    const ir::MapEntry* found = resources ? resources->value->find(logicalId) : nullptr;
    return found ? found->value : nullptr;
  }

  ExprPtr evaluate(const ExprPtr& expr) const {
    if (!expr)
      return expr;
    switch (expr->kind()) {
    case ExprKind::Ref:
      if (expr->name() == "AWS::NoValue")
        return nullptr;
      if (parameters_.count(expr->name()))
        return Expr::string(parameters_.at(expr->name()), {});
      return expr;
    case ExprKind::If:
      return evaluate(expr->arguments().at(condition(expr->name()) ? 0 : 1));
    case ExprKind::Sub:
      return substitute(expr->sub());
    case ExprKind::Join: {
      ExprPtr list = evaluate(expr->arguments()[1]);
      bool scalars = list && list->kind() == ExprKind::List &&
                     std::all_of(list->items().begin(), list->items().end(), [](auto& item) {
                       return item->kind() == ExprKind::String || item->kind() == ExprKind::Number;
                     });
      if (scalars || (list && list->kind() == ExprKind::String))
        return join(scalar(expr->arguments()[0]), list);
      return Expr::call(ExprKind::Join, {expr->arguments()[0], list}, {});
    }
    case ExprKind::FindInMap:
      return evaluate(lookedUp(expr));
    case ExprKind::List: {
      std::vector<ExprPtr> items;
      for (const ExprPtr& item : expr->items())
        if (ExprPtr value = evaluate(item))
          items.push_back(value);
      return Expr::list(std::move(items), {});
    }
    case ExprKind::Map: {
      std::vector<ir::MapEntry> entries;
      for (const ir::MapEntry& entry : expr->entries())
        if (ExprPtr value = evaluate(entry.value))
          entries.push_back({entry.key, {}, value});
      return Expr::map(std::move(entries), {});
    }
    default:
      return ir::mapChildren(expr, [this](const ExprPtr& child) { return evaluate(child); });
    }
  }

  // Fn::FindInMap with literal keys: the entry of the template's Mappings.
  ExprPtr lookedUp(const ExprPtr& expr) const {
    const auto& arguments = expr->arguments();
    const ir::MapEntry* mappings = document_->find("Mappings");
    auto literal = [&](std::size_t i) {
      return i < arguments.size() && arguments[i] && arguments[i]->kind() == ExprKind::String;
    };
    if (mappings && literal(0) && literal(1) && literal(2))
      if (const ir::MapEntry* mapping = mappings->value->find(arguments[0]->text()))
        if (const ir::MapEntry* top = mapping->value->find(arguments[1]->text()))
          if (const ir::MapEntry* entry = top->value->find(arguments[2]->text()))
            return entry->value;
    return ir::mapChildren(expr, [this](const ExprPtr& child) { return evaluate(child); });
  }

  bool condition(const std::string& name) const {
    const ir::MapEntry* conditions = document_->find("Conditions");
    const ir::MapEntry* found = conditions ? conditions->value->find(name) : nullptr;
    REQUIRE(found);
    return truth(found->value);
  }

  // A CommaDelimitedList parameter evaluates to its text; a literal list to its items.
  static ExprPtr join(const std::string& delimiter, const ExprPtr& list) {
    std::string joined;
    if (list && list->kind() == ExprKind::List)
      for (const ExprPtr& item : list->items())
        joined += (joined.empty() ? "" : delimiter) + scalar(item);
    else if (list && list->kind() == ExprKind::String)
      for (char c : list->text())
        joined += c == ',' ? delimiter : std::string(1, c);
    return Expr::string(joined, {});
  }

  static std::string scalar(const ExprPtr& value) {
    if (!value)
      return "";
    if (value->kind() == ExprKind::Number)
      return value->number().text;
    if (value->kind() == ExprKind::Bool)
      return value->boolean() ? "true" : "false";
    return value->kind() == ExprKind::String ? value->text() : ir::exprText(value);
  }

private:
  bool truth(const ExprPtr& expr) const {
    const auto& arguments = expr->arguments();
    switch (expr->kind()) {
    case ExprKind::Equals:
      return scalar(evaluate(arguments[0])) == scalar(evaluate(arguments[1]));
    case ExprKind::Not:
      return !truth(arguments[0]);
    case ExprKind::And:
      return std::all_of(arguments.begin(), arguments.end(), [&](auto& c) { return truth(c); });
    case ExprKind::Or:
      return std::any_of(arguments.begin(), arguments.end(), [&](auto& c) { return truth(c); });
    case ExprKind::Condition:
      return condition(expr->name());
    default:
      FAIL("not a condition: " << ir::exprText(expr));
      return false;
    }
  }

  // Fn::Sub with the parameters and bound variables folded in; "${!" is a literal "${".
  ExprPtr substitute(const ir::SubTemplate& sub) const {
    std::map<std::string, ExprPtr> bound;
    for (const ir::MapEntry& entry : sub.variables)
      bound[entry.key] = evaluate(entry.value);
    ir::SubTemplate out = sub;
    out.parts.clear();
    for (ir::SubPart part : sub.parts) {
      if (part.kind == ir::SubPart::Kind::Variable && part.attribute.empty()) {
        ExprPtr value = bound.count(part.name)         ? bound[part.name]
                        : parameters_.count(part.name) ? Expr::string(parameters_.at(part.name), {})
                                                       : nullptr;
        if (value && value->kind() == ExprKind::String)
          part = {ir::SubPart::Kind::Text, value->text(), "", "", {}};
      }
      if (part.kind == ir::SubPart::Kind::Text)
        for (std::size_t at; (at = part.text.find("${!")) != std::string::npos;)
          part.text.erase(at + 2, 1);
      out.parts.push_back(part);
    }
    return Expr::sub(std::move(out), {});
  }

  ExprPtr document_;
  std::map<std::string, std::string> parameters_;
};

inline ExprPtr normalised(const ExprPtr& expr);

// Appends `part` to a concatenation, merging adjacent strings.
inline void appendPart(std::vector<ExprPtr>& parts, const ExprPtr& part) {
  if (!part)
    return;
  if (part->kind() == ExprKind::String && !parts.empty() &&
      parts.back()->kind() == ExprKind::String) {
    parts.back() = Expr::string(parts.back()->text() + part->text(), {});
    return;
  }
  if (part->kind() == ExprKind::Join && part->arguments()[0]->kind() == ExprKind::String &&
      part->arguments()[0]->text().empty()) {
    for (const ExprPtr& item : part->arguments()[1]->items())
      appendPart(parts, item);
    return;
  }
  if (part->kind() != ExprKind::String || !part->text().empty())
    parts.push_back(part);
}

// One form for the concatenations Fn::Sub and Fn::Join write: a string when nothing is left to
// resolve, else Fn::Join "" of strings and references.
inline ExprPtr concatenation(const std::vector<ExprPtr>& pieces) {
  std::vector<ExprPtr> parts;
  for (const ExprPtr& piece : pieces)
    appendPart(parts, normalised(piece));
  if (parts.empty())
    return Expr::string("", {});
  if (parts.size() == 1 && parts[0]->kind() == ExprKind::String)
    return parts[0];
  return Expr::call(ExprKind::Join, {Expr::string("", {}), Expr::list(std::move(parts), {})}, {});
}

inline ExprPtr subConcatenation(const ir::SubTemplate& sub) {
  std::map<std::string, ExprPtr> bound;
  for (const ir::MapEntry& entry : sub.variables)
    bound[entry.key] = entry.value;
  std::vector<ExprPtr> pieces;
  for (const ir::SubPart& part : sub.parts) {
    if (part.kind != ir::SubPart::Kind::Variable) {
      pieces.push_back(Expr::string(part.text, {}));
      continue;
    }
    if (part.attribute.empty() && bound.count(part.name))
      pieces.push_back(bound[part.name]);
    else if (part.attribute.empty())
      pieces.push_back(Expr::ref(part.name, {}));
    else
      pieces.push_back(Expr::getAtt({part.name, part.attribute, nullptr, false}, {}));
  }
  return concatenation(pieces);
}

// Scalars compared by their text (a parameter is a string where the rendered template had a
// number or a boolean), Fn::Sub and Fn::Join as one form of concatenation.
inline ExprPtr normalised(const ExprPtr& expr) {
  if (!expr)
    return expr;
  switch (expr->kind()) {
  case ExprKind::Number:
  case ExprKind::Bool:
    return Expr::string(ProductEvaluation::scalar(expr), {});
  case ExprKind::String:
    if (expr->text() == "True" || expr->text() == "False")
      return Expr::string(expr->text() == "True" ? "true" : "false", {});
    return expr;
  case ExprKind::Sub:
    return subConcatenation(expr->sub());
  case ExprKind::Map: { // an entry set to AWS::NoValue is absent
    std::vector<ir::MapEntry> entries;
    for (const ir::MapEntry& entry : expr->entries())
      if (!entry.value || entry.value->kind() != ExprKind::Ref ||
          entry.value->name() != "AWS::NoValue")
        entries.push_back({entry.key, {}, normalised(entry.value)});
    return Expr::map(std::move(entries), {});
  }
  case ExprKind::Join: {
    const ExprPtr& delimiter = expr->arguments()[0];
    const ExprPtr& list = expr->arguments()[1];
    if (!delimiter || delimiter->kind() != ExprKind::String || !list ||
        list->kind() != ExprKind::List)
      return ir::mapChildren(expr, normalised);
    std::vector<ExprPtr> pieces;
    for (const ExprPtr& item : list->items()) {
      if (!pieces.empty())
        pieces.push_back(delimiter);
      pieces.push_back(item);
    }
    return concatenation(pieces);
  }
  default:
    return ir::mapChildren(expr, normalised);
  }
}

// Fn::FindInMap with literal keys replaced by the entry of `module`'s mappings.
inline ExprPtr withMappingsLookedUp(const ExprPtr& expr, const ir::Module& module) {
  if (!expr)
    return expr;
  if (expr->kind() == ExprKind::FindInMap) {
    const auto& arguments = expr->arguments();
    auto literal = [&](std::size_t i) {
      return i < arguments.size() && arguments[i] && arguments[i]->kind() == ExprKind::String;
    };
    if (literal(0) && literal(1) && literal(2))
      if (const ir::Mapping* mapping = module.findMapping(arguments[0]->text()))
        if (ExprPtr value = mapping->find(arguments[1]->text(), arguments[2]->text()))
          return withMappingsLookedUp(value, module);
  }
  return ir::mapChildren(expr,
                         [&](const ExprPtr& child) { return withMappingsLookedUp(child, module); });
}

// A list travels as a CommaDelimitedList parameter: its items joined by commas.
inline std::string parameterText(const ir::BoundValue& value) {
  if (!value.bare || value.bare->kind() != ir::ExprKind::List)
    return value.text;
  std::string joined;
  for (const ExprPtr& item : value.bare->items())
    joined += (joined.empty() ? "" : ",") +
              (item->kind() == ir::ExprKind::String ? item->text() : ir::exprText(item, 200));
  return joined;
}

inline std::map<std::string, std::string>
parameterValues(const std::map<std::string, std::string>& names, const ir::InputValues& values) {
  std::map<std::string, std::string> out;
  auto bind = [&](const std::string& prefix, const std::map<std::string, ir::BoundValue>& bound) {
    for (const auto& [key, value] : bound)
      if (auto found = names.find(prefix + key); found != names.end())
        out[found->second] = parameterText(value);
  };
  bind("input:", values.inputs);
  bind("context:", values.context);
  bind("output:", values.upstreamOutputs);
  return out;
}

// Compares every deployment of the parametric `parametric` model; returns how many resources were
// compared.
inline int compareProductsWithModules(const backends::ConversionModel& parametric,
                                      ir::Diagnostics& diagnostics) {
  backends::sc::ServiceCatalogOptions options;
  int compared = 0;
  // As the backend does: loops over the pipeline's instances are expanded per deployment.
  backends::ConversionModel model = backends::withUnsupportedLoopsExpanded(
      parametric, backends::isInputCollection, "servicecatalog", diagnostics);
  for (const backends::Deployment& deployment : model.deployments) {
    CAPTURE(deployment.name);
    const ir::Module* module = model.modules.find(deployment.module);
    REQUIRE(module);
    // A required input nobody gave a value is a parameter to fill in at launch: no comparison.
    if (std::any_of(module->inputs.begin(), module->inputs.end(), [&](const ir::Input& input) {
          return !input.isContext && !input.defaultValue && input.cloudFormationType.empty() &&
                 !deployment.values.inputs.count(input.name);
        }))
      continue;
    auto product = backends::sc::buildProductTemplate(
        {*module, model.passes.identifiers, options, false, true}, diagnostics);
    CHECK_NOTHROW(YAML::Load(backends::sc::writeCloudFormationYaml(product.document)));
    ProductEvaluation evaluation(product.document,
                                 parameterValues(product.parameterNames, deployment.values));
    ir::Module expected = ir::instantiate(*module, deployment.values);
    for (const ir::Resource& resource : expected.resources) {
      CAPTURE(resource.logicalId);
      ExprPtr written = evaluation.resource(resource.logicalId);
      REQUIRE(written);
      const ir::MapEntry* properties = written->find("Properties");
      ExprPtr actual = normalised(evaluation.evaluate(properties ? properties->value : nullptr));
      ExprPtr wanted = normalised(withMappingsLookedUp(resource.properties, expected));
      INFO("written:  " << ir::exprText(actual, 2000));
      INFO("expected: " << ir::exprText(wanted, 2000));
      CHECK(ir::equalExprs(actual, wanted));
      ++compared;
    }
  }
  return compared;
}

} // namespace pm::test
