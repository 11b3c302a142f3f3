// Assigning each element a unique, stable name per target namespace.
#include "ir/passes/assign_identifiers.h"

#include "ir/thread_pool.h"

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <tuple>
#include <vector>

namespace pm::ir {

const std::string* Identifiers::find(NamingTarget target, std::string_view module, NamedKind kind,
                                     std::string_view source) const {
  const ModuleNames& names = inModule(target, module);
  auto found = names.find(std::pair<NamedKind, std::string_view>(kind, source));
  return found == names.end() ? nullptr : &found->second;
}

const Identifiers::ModuleNames& Identifiers::inModule(NamingTarget target,
                                                      std::string_view module) const {
  static const ModuleNames kNone;
  auto found = modules_.find(std::pair<NamingTarget, std::string_view>(target, module));
  return found == modules_.end() ? kNone : found->second;
}

Identifiers::ModuleNames& Identifiers::names(NamingTarget target, std::string_view module) {
  auto key = std::pair<NamingTarget, std::string_view>(target, module);
  auto found = modules_.lower_bound(key);
  if (found == modules_.end() || modules_.key_comp()(key, found->first))
    found = modules_.emplace_hint(found, std::pair(target, std::string(module)), ModuleNames{});
  return found->second;
}

void Identifiers::assign(IdentifierKey key, std::string name) {
  names(key.target, key.module)
      .insert_or_assign({key.kind, std::move(key.source)}, std::move(name));
}

Identifiers::NameMap Identifiers::all() const {
  NameMap flat;
  for (const auto& [module, names] : modules_)
    for (const auto& [element, name] : names)
      flat.emplace(IdentifierKey{module.first, module.second, element.first, element.second}, name);
  return flat;
}

namespace {

struct NamedElement {
  NamedKind kind;
  std::string module;
  std::string source;
  SourceLocation location;
};

struct Candidate {
  NamedElement element;
  std::string base; // the normalised name before collision handling
  bool kept = false;
  std::string name; // the assigned name
};

template <typename Item, typename Name>
void addAll(std::vector<NamedElement>& out, const Module& module, NamedKind kind,
            const std::vector<Item>& items, Name name) {
  for (const Item& item : items)
    out.push_back({kind, module.name, name(item), item.location});
}

void addElements(std::vector<NamedElement>& out, const Module& module, NamedKind kind) {
  switch (kind) {
  case NamedKind::Input:
    return addAll(out, module, kind, module.inputs, [](const Input& i) { return i.name; });
  case NamedKind::Resource:
    return addAll(out, module, kind, module.resources,
                  [](const Resource& r) { return r.logicalId; });
  case NamedKind::Output:
    return addAll(out, module, kind, module.outputs, [](const Output& o) { return o.name; });
  case NamedKind::Condition:
    return addAll(out, module, kind, module.conditions, [](const Condition& c) { return c.name; });
  case NamedKind::Mapping:
    return addAll(out, module, kind, module.mappings, [](const Mapping& m) { return m.name; });
  case NamedKind::Module:
    out.push_back({kind, module.name, module.name, module.location});
    return;
  }
}

bool sourceOrder(const Candidate& a, const Candidate& b) {
  const NamedElement& x = a.element;
  const NamedElement& y = b.element;
  return std::tie(x.source, x.kind, x.module) < std::tie(y.source, y.kind, y.module);
}

std::string withNumber(const std::string& base, int number, const NamingStyle& style) {
  std::string suffix = std::string(style.collisionSeparator) + std::to_string(number);
  std::string stem = base;
  if (style.maxLength && stem.size() + suffix.size() > style.maxLength)
    stem.resize(style.maxLength - suffix.size());
  return stem + suffix;
}

// Names one namespace. Every step runs over the candidates sorted by source name, so the result
// is a function of the set of names: insertion order cannot change it.
class NamespaceAssigner {
public:
  NamespaceAssigner(const NamingNamespace& space, Diagnostics& diagnostics)
      : space_(space), diagnostics_(diagnostics),
        taken_(space.reserved.begin(), space.reserved.end()) {}

  std::vector<Candidate> assign(const std::vector<NamedElement>& elements) {
    std::vector<Candidate> candidates;
    for (const NamedElement& element : elements)
      candidates.push_back(makeCandidate(element));
    std::sort(candidates.begin(), candidates.end(), sourceOrder);
    for (Candidate& candidate : candidates)
      if (candidate.kept)
        take(candidate, candidate.base);
    std::vector<Candidate*> clashing;
    for (Candidate& candidate : candidates)
      if (!candidate.kept && !take(candidate, candidate.base))
        clashing.push_back(&candidate);
    for (Candidate* candidate : clashing)
      renumber(*candidate, candidates);
    return candidates;
  }

private:
  Candidate makeCandidate(const NamedElement& element) const {
    Candidate candidate{element, {}, isKept(element.kind), {}};
    const NamingStyle& style = space_.style;
    if (candidate.kept || (space_.keepValidNames && isValidName(element.source, style)))
      candidate.base = element.source;
    else
      candidate.base = normaliseName(element.source, style);
    if (candidate.base.empty()) // nothing ASCII to build on (a name in another script)
      candidate.base = normaliseName(namedKindName(element.kind), style);
    return candidate;
  }

  bool isKept(NamedKind kind) const {
    return std::find(space_.kept.begin(), space_.kept.end(), kind) != space_.kept.end();
  }

  bool take(Candidate& candidate, const std::string& name) {
    if (!taken_.insert(name).second)
      return false;
    candidate.name = name;
    return true;
  }

  void renumber(Candidate& candidate, const std::vector<Candidate>& all) {
    for (int number = 2; !take(candidate, withNumber(candidate.base, number, space_.style));
         ++number) {
    }
    auto owner = std::find_if(all.begin(), all.end(),
                              [&](const Candidate& c) { return c.name == candidate.base; });
    report(candidate, owner == all.end() ? nullptr : &*owner);
  }

  void report(const Candidate& candidate, const Candidate* owner) {
    const NamedElement& element = candidate.element;
    std::string clash = owner
                            ? fmt::format("which {} '{}' already has",
                                          namedKindName(owner->element.kind), owner->element.source)
                            : fmt::format("a name {} reserves", namingTargetName(space_.target));
    Diagnostic& diagnostic = diagnostics_.report(
        space_.identity ? Severity::Error : Severity::Warning, kIdentifierCollisionRule,
        element.location,
        fmt::format("{} name of {} '{}' would be '{}', {}; using '{}'{}", space_.label,
                    namedKindName(element.kind), element.source, candidate.base, clash,
                    candidate.name,
                    space_.identity ? " (the name is the deployed resource's address: rename "
                                      "one of them in the source)"
                                    : ""));
    if (owner)
      diagnostic.notes.push_back({kIdentifierCollisionRule,
                                  Severity::Note,
                                  fmt::format("'{}' is declared here", owner->element.source),
                                  owner->element.location,
                                  {}});
  }

  const NamingNamespace& space_;
  Diagnostics& diagnostics_;
  std::set<std::string, std::less<>> taken_;
};

void record(const NamingNamespace& space, const std::vector<Candidate>& assigned,
            Identifiers& identifiers) {
  for (const Candidate& candidate : assigned) {
    const NamedElement& element = candidate.element;
    identifiers.assign({space.target, element.module, element.kind, element.source},
                       candidate.name);
  }
}

void assignNamespace(const NamingNamespace& space, const std::vector<NamedElement>& elements,
                     Diagnostics& diagnostics, Identifiers& identifiers) {
  record(space, NamespaceAssigner(space, diagnostics).assign(elements), identifiers);
}

std::vector<NamedElement> elementsOf(const std::vector<const Module*>& modules,
                                     const NamingNamespace& space) {
  std::vector<NamedElement> elements;
  for (const Module* module : modules)
    for (NamedKind kind : space.kinds)
      addElements(elements, *module, kind);
  return elements;
}

// A module's own namespaces, in table order, into its names made beforehand.
void assignModuleNamespaces(const Module& module, std::span<const NamingNamespace> spaces,
                            std::vector<Diagnostics>& found, Identifiers& identifiers) {
  for (std::size_t space = 0; space < spaces.size(); ++space) {
    if (spaces[space].graphWide)
      continue;
    Identifiers::ModuleNames& names = identifiers.names(spaces[space].target, module.name);
    for (Candidate& candidate : NamespaceAssigner(spaces[space], found[space])
                                    .assign(elementsOf({&module}, spaces[space])))
      names.insert_or_assign({candidate.element.kind, std::move(candidate.element.source)},
                             std::move(candidate.name));
  }
}

// Modules by name, so diagnostics come out in the same order whatever the insertion order.
std::vector<const Module*> modulesByName(const ModuleGraph& graph) {
  std::vector<const Module*> modules;
  for (const Module& module : graph.modules())
    modules.push_back(&module);
  std::stable_sort(modules.begin(), modules.end(),
                   [](const Module* a, const Module* b) { return a->name < b->name; });
  return modules;
}

} // namespace

void runAssignIdentifiers(ModuleGraph& graph, Diagnostics& diagnostics, Identifiers& identifiers,
                          unsigned threads) {
  std::vector<const Module*> modules = modulesByName(graph);
  std::span<const NamingNamespace> spaces = namingNamespaces();
  // A module's namespaces read nothing of another's: each module's are assigned apart, into
  // names made here first (the threads then change no shared map), and its diagnostics are
  // taken namespace by namespace in module order.
  for (const Module* module : modules)
    for (const NamingNamespace& space : spaces)
      identifiers.names(space.target, module->name);
  std::vector<std::vector<Diagnostics>> found(modules.size(),
                                              std::vector<Diagnostics>(spaces.size()));
  runJobs(modules.size(), threads, [&](std::size_t index) {
    assignModuleNamespaces(*modules[index], spaces, found[index], identifiers);
  });
  for (std::size_t space = 0; space < spaces.size(); ++space) {
    if (spaces[space].graphWide) {
      assignNamespace(spaces[space], elementsOf(modules, spaces[space]), diagnostics, identifiers);
      continue;
    }
    for (std::vector<Diagnostics>& byModule : found)
      diagnostics.append(byModule[space]);
  }
}

void runAssignIdentifiers(ModuleGraph& graph, Diagnostics& diagnostics) {
  Identifiers discarded;
  runAssignIdentifiers(graph, diagnostics, discarded);
}

} // namespace pm::ir
