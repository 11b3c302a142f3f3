// The n-way merge of a base module with its one-guard variants.
#include "frontend/parametric/guard_merge.h"

#include "ir/expr_equality.h"

#include <algorithm>
#include <map>

namespace pm::frontend {

namespace {

using ir::ExprKind;
using ir::ExprPtr;

// One variant's side of a node: its value there (null: the node is absent in that render).
struct Branch {
  const GuardVariant* variant;
  ExprPtr expr;
};

ExprPtr noValue(const ir::SourceLocation& location) {
  return ir::Expr::ref("AWS::NoValue", location);
}

// `whenBase` where the guard takes the base's branch, the variant's value where it does not.
ExprPtr choose(const Branch& branch, const ExprPtr& whenBase) {
  const ir::SourceLocation& at = whenBase ? whenBase->location() : branch.expr->location();
  ExprPtr base = whenBase ? whenBase : noValue(at);
  ExprPtr flipped = branch.expr ? branch.expr : noValue(at);
  bool baseIsTrue = branch.variant->baseValue;
  return ir::Expr::guarded(branch.variant->guard, baseIsTrue ? base : flipped,
                           baseIsTrue ? flipped : base, at);
}

bool isContainer(const ExprPtr& expr) {
  return expr && (expr->kind() == ExprKind::Map || expr->kind() == ExprKind::List);
}

// The longest common subsequence of two lists, as pairs of indexes.
std::vector<std::pair<std::size_t, std::size_t>> commonItems(const std::vector<ExprPtr>& a,
                                                             const std::vector<ExprPtr>& b) {
  std::vector<std::vector<std::size_t>> length(a.size() + 1,
                                               std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = a.size(); i-- > 0;)
    for (std::size_t j = b.size(); j-- > 0;)
      length[i][j] = ir::equalExprs(a[i], b[j]) ? length[i + 1][j + 1] + 1
                                                : std::max(length[i + 1][j], length[i][j + 1]);
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (ir::equalExprs(a[i], b[j]))
      pairs.emplace_back(i++, j++);
    else if (length[i + 1][j] >= length[i][j + 1])
      ++i;
    else
      ++j;
  }
  return pairs;
}

// A variant's list seen from the base's items: the item standing at each base index (null when
// the variant dropped it) and the items it inserted before each base index (n+1 gaps).
struct ListAlignment {
  std::vector<ExprPtr> at;
  std::vector<std::vector<ExprPtr>> inserted;
};

ListAlignment alignList(const std::vector<ExprPtr>& base, const std::vector<ExprPtr>& variant) {
  ListAlignment alignment{std::vector<ExprPtr>(base.size()),
                          std::vector<std::vector<ExprPtr>>(base.size() + 1)};
  auto pairs = commonItems(base, variant);
  pairs.emplace_back(base.size(), variant.size()); // a sentinel closing the last gap
  std::size_t i = 0, j = 0;
  for (const auto& [nextI, nextJ] : pairs) {
    // Equal-length runs are the same items changed; otherwise items dropped and inserted.
    if (nextI - i == nextJ - j)
      for (std::size_t k = 0; k < nextI - i; ++k)
        alignment.at[i + k] = variant[j + k];
    else
      alignment.inserted[i].assign(variant.begin() + j, variant.begin() + nextJ);
    if (nextI < base.size())
      alignment.at[nextI] = variant[nextJ];
    i = nextI + 1, j = nextJ + 1;
  }
  return alignment;
}

class ExprMerger {
public:
  explicit ExprMerger(std::vector<GuardOverlap>& overlaps) : overlaps_(overlaps) {}

  ExprPtr merge(const ExprPtr& base, const std::vector<Branch>& branches) {
    std::vector<Branch> structural, wholesale;
    for (const Branch& branch : branches) {
      if (ir::equalExprs(base, branch.expr))
        continue;
      bool sameShape = isContainer(base) && branch.expr && base->kind() == branch.expr->kind();
      (sameShape ? structural : wholesale).push_back(branch);
    }
    ExprPtr result = base;
    if (!structural.empty())
      result = base->kind() == ExprKind::Map ? mergeMaps(base, structural)
                                             : mergeLists(base, structural);
    if (wholesale.size() > 1) {
      const ExprPtr& at = base ? base : wholesale[0].expr;
      overlaps_.push_back(
          {wholesale[0].variant->guard, wholesale[1].variant->guard, at->location()});
    }
    for (const Branch& branch : wholesale)
      result = choose(branch, result);
    return result;
  }

private:
  ExprPtr mergeMaps(const ExprPtr& base, const std::vector<Branch>& branches) {
    std::vector<ir::MapEntry> entries = base->entries();
    for (const Branch& branch : branches)
      insertNewKeys(entries, branch.expr->entries());
    std::vector<ir::MapEntry> merged;
    for (ir::MapEntry entry : entries) {
      const ir::MapEntry* inBase = base->find(entry.key);
      std::vector<Branch> values;
      for (const Branch& branch : branches) {
        const ir::MapEntry* inVariant = branch.expr->find(entry.key);
        values.push_back({branch.variant, inVariant ? inVariant->value : nullptr});
      }
      entry.value = merge(inBase ? inBase->value : nullptr, values);
      if (entry.value)
        merged.push_back(std::move(entry));
    }
    return ir::Expr::map(std::move(merged), base->location());
  }

  // Keys only `variant` has, each placed after the key that precedes it there.
  static void insertNewKeys(std::vector<ir::MapEntry>& entries,
                            const std::vector<ir::MapEntry>& variant) {
    auto position = entries.begin();
    for (const ir::MapEntry& entry : variant) {
      auto found = std::find_if(entries.begin(), entries.end(),
                                [&](const ir::MapEntry& known) { return known.key == entry.key; });
      if (found != entries.end()) {
        position = found + 1;
        continue;
      }
      position = entries.insert(position, ir::MapEntry{entry.key, entry.keyLocation, nullptr}) + 1;
    }
  }

  ExprPtr mergeLists(const ExprPtr& base, const std::vector<Branch>& branches) {
    const std::vector<ExprPtr>& items = base->items();
    std::vector<ListAlignment> alignments;
    for (const Branch& branch : branches)
      alignments.push_back(alignList(items, branch.expr->items()));
    std::vector<ExprPtr> merged;
    for (std::size_t i = 0; i <= items.size(); ++i) {
      for (std::size_t b = 0; b < branches.size(); ++b)
        for (const ExprPtr& inserted : alignments[b].inserted[i])
          merged.push_back(choose({branches[b].variant, inserted}, nullptr));
      if (i == items.size())
        break;
      std::vector<Branch> values;
      for (std::size_t b = 0; b < branches.size(); ++b)
        values.push_back({branches[b].variant, alignments[b].at[i]});
      merged.push_back(merge(items[i], values));
    }
    return ir::Expr::list(std::move(merged), base->location());
  }

  std::vector<GuardOverlap>& overlaps_;
};

// Resources and outputs: present in the base unless a variant drops them (then guarded by it),
// or added by one variant (then guarded by the opposite branch); their values merged.
template <typename Element> class ElementMerger {
public:
  using Fields = std::vector<ExprPtr Element::*>;

  ElementMerger(std::vector<GuardOverlap>& overlaps, Fields fields, std::string Element::*key)
      : exprs_(overlaps), fields_(std::move(fields)), key_(key) {}

  std::vector<Element> merge(const std::vector<Element>& base,
                             const std::vector<GuardVariant>& variants,
                             std::vector<Element> ir::Module::*section) {
    std::vector<Element> merged;
    for (const Element& element : base)
      merged.push_back(mergeOne(element, variants, section));
    for (const GuardVariant& variant : variants)
      for (const Element& added : variant.module.*section)
        if (!find(merged, added.*key_))
          addFromVariant(merged, added, variant, variant.module.*section);
    return merged;
  }

private:
  const Element* find(const std::vector<Element>& elements, const std::string& name) const {
    for (const Element& element : elements)
      if (element.*key_ == name)
        return &element;
    return nullptr;
  }

  Element mergeOne(const Element& element, const std::vector<GuardVariant>& variants,
                   std::vector<Element> ir::Module::*section) {
    Element merged = element;
    std::vector<std::pair<const GuardVariant*, const Element*>> present;
    for (const GuardVariant& variant : variants) {
      if (const Element* same = find(variant.module.*section, element.*key_))
        present.emplace_back(&variant, same);
      else
        merged.guards.push_back({variant.guard, variant.baseValue});
    }
    for (ExprPtr Element::*field : fields_) {
      std::vector<Branch> branches;
      for (const auto& [variant, same] : present)
        branches.push_back({variant, (*same).*field});
      merged.*field = exprs_.merge(element.*field, branches);
    }
    return merged;
  }

  // An element only a variant has goes after the element that precedes it there.
  void addFromVariant(std::vector<Element>& merged, const Element& added,
                      const GuardVariant& variant, const std::vector<Element>& order) {
    Element element = added;
    element.guards.push_back({variant.guard, !variant.baseValue});
    auto position = merged.begin();
    for (const Element& candidate : order) {
      if (candidate.*key_ == added.*key_)
        break;
      for (auto it = merged.begin(); it != merged.end(); ++it)
        if ((*it).*key_ == candidate.*key_)
          position = it + 1;
    }
    merged.insert(position, std::move(element));
  }

  ExprMerger exprs_;
  Fields fields_;
  std::string Element::*key_;
};

// Named definitions a guard cannot cover: the base's, plus any only a variant has; a
// definition a variant changes is reported.
template <typename Element, typename Same>
void unionByName(std::vector<Element>& merged, const std::vector<GuardVariant>& variants,
                 std::vector<Element> ir::Module::*section, std::string Element::*key, Same same,
                 std::vector<GuardOverlap>& overlaps) {
  for (const GuardVariant& variant : variants)
    for (const Element& element : variant.module.*section) {
      auto found = std::find_if(merged.begin(), merged.end(),
                                [&](const Element& known) { return known.*key == element.*key; });
      if (found == merged.end())
        merged.push_back(element);
      else if (!same(*found, element))
        overlaps.push_back({variant.guard, "", found->location});
    }
}

} // namespace

ir::Module mergeGuardVariants(const ir::Module& base, const std::vector<GuardVariant>& variants,
                              std::vector<GuardOverlap>& overlaps) {
  ir::Module merged = base;
  using ir::Resource;
  ElementMerger<Resource> resources(overlaps,
                                    {&Resource::properties, &Resource::deletionPolicy,
                                     &Resource::updateReplacePolicy, &Resource::updatePolicy,
                                     &Resource::creationPolicy, &Resource::metadata},
                                    &Resource::logicalId);
  merged.resources = resources.merge(base.resources, variants, &ir::Module::resources);
  ElementMerger<ir::Output> outputs(overlaps, {&ir::Output::value, &ir::Output::exportName},
                                    &ir::Output::name);
  merged.outputs = outputs.merge(base.outputs, variants, &ir::Module::outputs);
  for (const GuardVariant& variant : variants)
    for (const ir::Resource& resource : variant.module.resources)
      if (const ir::Resource* kept = merged.findResource(resource.logicalId);
          kept && kept->type != resource.type)
        overlaps.push_back({variant.guard, "", kept->location});
  unionByName(
      merged.conditions, variants, &ir::Module::conditions, &ir::Condition::name,
      [](const ir::Condition& a, const ir::Condition& b) {
        return ir::equalExprs(a.expression, b.expression);
      },
      overlaps);
  unionByName(
      merged.mappings, variants, &ir::Module::mappings, &ir::Mapping::name,
      [](const ir::Mapping& a, const ir::Mapping& b) {
        return ir::equalExprs(a.entries, b.entries);
      },
      overlaps);
  unionByName(
      merged.inputs, variants, &ir::Module::inputs, &ir::Input::name,
      [](const ir::Input&, const ir::Input&) { return true; }, overlaps);
  unionByName(
      merged.guards, variants, &ir::Module::guards, &ir::GuardVariable::name,
      [](const ir::GuardVariable&, const ir::GuardVariable&) { return true; }, overlaps);
  return merged;
}

} // namespace pm::frontend
