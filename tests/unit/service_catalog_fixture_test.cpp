// The servicecatalog target on every fixture case: the product template of each deployment,
// with the spec's values as parameters (Fn::If, Fn::Sub and Refs evaluated here), gives the
// resources of the parametric module instantiated with those values, which rendered mode
// reads (DESIGN.md's correctness property, checked for the module by parametric tests).
#include "backends/loop_fallback.h"
#include "backends/servicecatalog/cloudformation_writer.h"
#include "backends/servicecatalog/product_template.h"
#include "backends/servicecatalog/service_catalog_backend.h"
#include "frontend/bundle/bundle.h"
#include "ir/expr_equality.h"
#include "ir/expr_text.h"
#include "ir/instantiate.h"
#include "tools/proton-migrate/conversion_builder.h"
#include "tools/proton-migrate/template_inputs.h"

#include "tsv_fields.h"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <set>

namespace fs = std::filesystem;
using namespace pm;
using ir::Expr;
using ir::ExprKind;
using ir::ExprPtr;

namespace {

const fs::path kFixtures = fs::path(PM_SOURCE_DIR) / "fixtures";

struct FixtureCase {
  std::string bundle, spec, environmentOutputs, componentOutputs;
  bool operator<(const FixtureCase& other) const {
    return std::tie(bundle, spec, environmentOutputs, componentOutputs) <
           std::tie(other.bundle, other.spec, other.environmentOutputs, other.componentOutputs);
  }
};

std::set<FixtureCase> fixtureCases() {
  std::set<FixtureCase> cases;
  std::ifstream in(kFixtures / "render-cases.tsv");
  std::string line;
  auto path = [](const std::string& field) {
    return field == "-" ? std::string() : (kFixtures / field).string();
  };
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#')
      continue;
    auto fields = test::splitTabs(line);
    if (fields.size() >= 7)
      cases.insert({path(fields[0]), path(fields[3]), path(fields[4]), path(fields[5])});
  }
  return cases;
}

std::optional<backends::ConversionModel> buildModel(const FixtureCase& fixture,
                                                    ir::Diagnostics& diagnostics) {
  auto bundle = frontend::readBundle(fixture.bundle, diagnostics);
  if (!bundle)
    return std::nullopt;
  driver::TemplateInputFiles files;
  auto optional = [](const std::string& path) {
    return path.empty() ? std::nullopt : std::optional(path);
  };
  files.spec = optional(fixture.spec);
  files.environmentOutputs = optional(fixture.environmentOutputs);
  files.componentOutputs = optional(fixture.componentOutputs);
  files.contexts = {"service.name=svc1", "environment.account_id=123456789012"};
  auto inputs = driver::loadTemplateInputs(files, *bundle, diagnostics);
  if (!inputs)
    return std::nullopt;
  return driver::buildConversionModel(*bundle, *inputs, backends::ConversionMode::Parametric,
                                      diagnostics);
}

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
    case ExprKind::Join:
      return join(scalar(expr->arguments()[0]), evaluate(expr->arguments()[1]));
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

// Scalars compared by their text (a parameter is a string where the rendered template had a
// number or a boolean), Subs without variables as strings.
ExprPtr normalised(const ExprPtr& expr) {
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
  case ExprKind::Sub: {
    ir::SubTemplate sub = expr->sub();
    std::vector<ir::SubPart> merged;
    for (const ir::SubPart& part : sub.parts) {
      if (part.kind == ir::SubPart::Kind::Text && !merged.empty() &&
          merged.back().kind == ir::SubPart::Kind::Text)
        merged.back().text += part.text;
      else if (part.kind != ir::SubPart::Kind::Text || !part.text.empty())
        merged.push_back(part);
    }
    bool text = merged.size() <= 1 && (merged.empty() || merged[0].kind == ir::SubPart::Kind::Text);
    if (text && sub.variables.empty())
      return normalised(Expr::string(merged.empty() ? "" : merged[0].text, {}));
    sub.parts = merged;
    sub.source.clear();
    return ir::mapChildren(Expr::sub(std::move(sub), {}), normalised);
  }
  default:
    return ir::mapChildren(expr, normalised);
  }
}

// A list travels as a CommaDelimitedList parameter: its items joined by commas.
std::string parameterText(const ir::BoundValue& value) {
  if (!value.bare || value.bare->kind() != ir::ExprKind::List)
    return value.text;
  std::string joined;
  for (const ExprPtr& item : value.bare->items())
    joined += (joined.empty() ? "" : ",") +
              (item->kind() == ir::ExprKind::String ? item->text() : ir::exprText(item, 200));
  return joined;
}

std::map<std::string, std::string> parameterValues(const std::map<std::string, std::string>& names,
                                                   const ir::InputValues& values) {
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

} // namespace

TEST_CASE("Service Catalog product templates give the fixtures' resources for the spec values") {
  backends::sc::ServiceCatalogOptions options;
  int compared = 0;
  for (const FixtureCase& fixture : fixtureCases()) {
    CAPTURE(fixture.bundle);
    CAPTURE(fixture.spec);
    ir::Diagnostics diagnostics;
    auto parametric = buildModel(fixture, diagnostics);
    REQUIRE(parametric);
    // As the backend does: loops over the pipeline's instances are expanded per deployment.
    auto model = std::optional(backends::withUnsupportedLoopsExpanded(
        *parametric, backends::isInputCollection, "servicecatalog", diagnostics));
    for (const backends::Deployment& deployment : model->deployments) {
      CAPTURE(deployment.name);
      const ir::Module* module = model->modules.find(deployment.module);
      REQUIRE(module);
      auto product = backends::sc::buildProductTemplate(
          {*module, model->passes.identifiers, options, false, true}, diagnostics);
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
        ExprPtr wanted = normalised(resource.properties);
        INFO("written:  " << ir::exprText(actual, 2000));
        INFO("expected: " << ir::exprText(wanted, 2000));
        CHECK(ir::equalExprs(actual, wanted));
        ++compared;
      }
    }
  }
  CHECK(compared > 20);
}

TEST_CASE("Service Catalog converts every fixture without errors") {
  for (const FixtureCase& fixture : fixtureCases()) {
    CAPTURE(fixture.bundle);
    ir::Diagnostics diagnostics;
    auto model = buildModel(fixture, diagnostics);
    REQUIRE(model);
    backends::OutputTree tree;
    backends::makeServiceCatalogBackend()->emit(*model, tree, diagnostics);
    CHECK_FALSE(diagnostics.hasErrors());
    CHECK(tree.files().count("portfolio.yaml"));
  }
}
