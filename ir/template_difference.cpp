// Comparing a rendered template with a deployed one, node by node.
#include "ir/template_difference.h"

#include "ir/expr_equality.h"
#include "ir/expr_text.h"

#include <algorithm>
#include <set>

namespace pm::ir {

namespace {

std::string text(const ExprPtr& expr) {
  return expr ? exprText(expr) : std::string();
}

SourceLocation locationOf(const ExprPtr& expr, const SourceLocation& fallback) {
  return expr && expr->location().known() ? expr->location() : fallback;
}

std::string joined(const std::string& path, const std::string& step) {
  if (path.empty())
    return step;
  return step.starts_with("[") ? path + step : path + "." + step;
}

// Differences inside one element (a resource, an output, ...).
class ElementComparison {
public:
  ElementComparison(std::string element, SourceLocation location,
                    std::vector<TemplateDifference>& out)
      : element_(std::move(element)), location_(std::move(location)), out_(out) {}

  void compare(const std::string& path, const ExprPtr& rendered, const ExprPtr& deployed) {
    if (!rendered && !deployed)
      return;
    if (rendered && deployed && rendered->kind() == deployed->kind()) {
      if (rendered->kind() == ExprKind::Map)
        return compareMaps(path, rendered, deployed);
      if (rendered->kind() == ExprKind::List &&
          rendered->items().size() == deployed->items().size())
        return compareLists(path, rendered, deployed);
    }
    if (!rendered || !deployed || !equalExprs(rendered, deployed))
      add(path, rendered, deployed);
  }

  void compareNames(const std::string& path, const std::vector<std::string>& rendered,
                    const std::vector<std::string>& deployed, const SourceLocation& location) {
    if (rendered == deployed)
      return;
    auto list = [](const std::vector<std::string>& names) {
      std::string all;
      for (const std::string& name : names)
        all += (all.empty() ? "" : ", ") + name;
      return all;
    };
    out_.push_back(
        {element_, path, list(deployed), list(rendered), location.known() ? location : location_});
  }

private:
  void compareMaps(const std::string& path, const ExprPtr& rendered, const ExprPtr& deployed) {
    for (const MapEntry& entry : deployed->entries()) {
      const MapEntry* other = rendered->find(entry.key);
      compare(joined(path, entry.key), other ? other->value : nullptr, entry.value);
    }
    for (const MapEntry& entry : rendered->entries())
      if (!deployed->find(entry.key))
        add(joined(path, entry.key), entry.value, nullptr, deployed->location());
  }

  void compareLists(const std::string& path, const ExprPtr& rendered, const ExprPtr& deployed) {
    for (std::size_t i = 0; i < deployed->items().size(); ++i)
      compare(joined(path, "[" + std::to_string(i) + "]"), rendered->items()[i],
              deployed->items()[i]);
  }

  void add(const std::string& path, const ExprPtr& rendered, const ExprPtr& deployed,
           const SourceLocation& where = {}) {
    SourceLocation location = deployed        ? locationOf(deployed, location_)
                              : where.known() ? where
                                              : location_;
    out_.push_back({element_, path, text(deployed), text(rendered), location});
  }

  std::string element_;
  SourceLocation location_;
  std::vector<TemplateDifference>& out_;
};

std::vector<std::string> names(const std::vector<LocatedName>& located) {
  std::vector<std::string> plain;
  for (const LocatedName& name : located)
    plain.push_back(name.name);
  return plain;
}

std::vector<std::string> names(const std::optional<LocatedName>& located) {
  return located ? std::vector<std::string>{located->name} : std::vector<std::string>{};
}

void compareResource(const Resource& rendered, const Resource& deployed,
                     std::vector<TemplateDifference>& out) {
  ElementComparison element("Resources." + deployed.logicalId, deployed.location, out);
  element.compareNames("Type", {rendered.type}, {deployed.type}, deployed.typeLocation);
  element.compare("Properties", rendered.properties, deployed.properties);
  element.compareNames("DependsOn", names(rendered.dependsOn), names(deployed.dependsOn), {});
  element.compareNames("Condition", names(rendered.condition), names(deployed.condition), {});
  element.compare("DeletionPolicy", rendered.deletionPolicy, deployed.deletionPolicy);
  element.compare("UpdateReplacePolicy", rendered.updateReplacePolicy,
                  deployed.updateReplacePolicy);
  element.compare("UpdatePolicy", rendered.updatePolicy, deployed.updatePolicy);
  element.compare("CreationPolicy", rendered.creationPolicy, deployed.creationPolicy);
  element.compare("Metadata", rendered.metadata, deployed.metadata);
}

void compareOutput(const Output& rendered, const Output& deployed,
                   std::vector<TemplateDifference>& out) {
  ElementComparison element("Outputs." + deployed.name, deployed.location, out);
  element.compare("Value", rendered.value, deployed.value);
  element.compare("Export.Name", rendered.exportName, deployed.exportName);
}

// Elements found by name on both sides: `same` compares a pair; the rest are on one side only.
template <typename Element, typename Find, typename Same>
void compareSection(const std::string& section, const std::vector<Element>& rendered,
                    const std::vector<Element>& deployed, Find name, Same same,
                    std::vector<TemplateDifference>& out) {
  std::set<std::string> seen;
  for (const Element& element : deployed) {
    seen.insert(name(element));
    auto other = std::find_if(rendered.begin(), rendered.end(),
                              [&](const Element& item) { return name(item) == name(element); });
    if (other == rendered.end())
      out.push_back({section + "." + name(element), "", "(present)", "", element.location});
    else
      same(*other, element, out);
  }
  for (const Element& element : rendered)
    if (!seen.count(name(element)))
      out.push_back({section + "." + name(element), "", "", "(present)", element.location});
}

} // namespace

std::string TemplateDifference::describe() const {
  std::string where = element + (path.empty() ? "" : " " + path);
  if (rendered.empty() && path.empty())
    return where + " is deployed but not in the bundle's render";
  if (deployed.empty() && path.empty())
    return where + " is in the bundle's render but not deployed";
  if (rendered.empty())
    return where + " is deployed as " + deployed + " but absent from the bundle's render";
  if (deployed.empty())
    return where + " is absent from the deployed template; the bundle renders " + rendered;
  return where + " is deployed as " + deployed + "; the bundle renders " + rendered;
}

std::vector<TemplateDifference> compareTemplates(const Module& rendered, const Module& deployed) {
  std::vector<TemplateDifference> out;
  compareSection(
      "Resources", rendered.resources, deployed.resources,
      [](const Resource& resource) { return resource.logicalId; }, compareResource, out);
  compareSection(
      "Outputs", rendered.outputs, deployed.outputs,
      [](const Output& output) { return output.name; }, compareOutput, out);
  compareSection(
      "Conditions", rendered.conditions, deployed.conditions,
      [](const Condition& condition) { return condition.name; },
      [](const Condition& a, const Condition& b, std::vector<TemplateDifference>& into) {
        ElementComparison("Conditions." + b.name, b.location, into)
            .compare("", a.expression, b.expression);
      },
      out);
  compareSection(
      "Mappings", rendered.mappings, deployed.mappings,
      [](const Mapping& mapping) { return mapping.name; },
      [](const Mapping& a, const Mapping& b, std::vector<TemplateDifference>& into) {
        ElementComparison("Mappings." + b.name, b.location, into).compare("", a.entries, b.entries);
      },
      out);
  return out;
}

} // namespace pm::ir
