// Inverse rendering's core: walking a parametric module and a deployed template side by side,
// binding each reference to the deployed value at its position and reporting differences as
// drift (MIG023).
#include "frontend/parametric/deployed_matcher.h"

#include "frontend/cloudformation/template_values.h"
#include "frontend/parametric/guard_inputs.h"

#include "ir/expr_equality.h"
#include "ir/expr_text.h"
#include "ir/guard_evaluation.h"
#include "ir/instantiate.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <regex>
#include <set>
#include <sstream>

namespace pm::frontend {

namespace {

constexpr const char* kDrift = "MIG023";

// References to bind, or guards to decide: either needs a structural match.
bool hasReferences(const ir::ExprPtr& root) {
  bool found = false;
  ir::walkExpr(root, [&](const ir::Expr& node) {
    found = found || isBindableReference(node) || node.kind() == ir::ExprKind::Guarded;
    return !found;
  });
  return found;
}

// A list item or map value that a guard can leave out: Guarded [value, NoValue] or the reverse.
bool isOptional(const ir::ExprPtr& expr) {
  return expr && expr->kind() == ir::ExprKind::Guarded &&
         (ir::isNoValue(expr->arguments()[0]) || ir::isNoValue(expr->arguments()[1]));
}

// get-template JSON writes every Fn::GetAtt in its list form; the short form is the same call.
bool sameGetAtt(const ir::Expr& a, const ir::Expr& b) {
  return a.kind() == ir::ExprKind::GetAtt && b.kind() == ir::ExprKind::GetAtt &&
         !a.getAtt().attributeExpr && !b.getAtt().attributeExpr &&
         a.getAtt().logicalId == b.getAtt().logicalId &&
         a.getAtt().attribute == b.getAtt().attribute;
}

// One piece of a string pattern: literal text, or a reference whose value fills the gap.
struct Piece {
  std::string literal;
  ir::ExprPtr reference; // set for a hole
};

// Holes filled left to right, each with the shortest text that lets the rest match.
bool fillHoles(const std::vector<Piece>& pieces, std::size_t index, const std::string& text,
               std::size_t position, std::vector<std::string>& filled) {
  if (index == pieces.size())
    return position == text.size();
  const Piece& piece = pieces[index];
  if (!piece.reference) {
    if (text.compare(position, piece.literal.size(), piece.literal) != 0)
      return false;
    return fillHoles(pieces, index + 1, text, position + piece.literal.size(), filled);
  }
  bool last = index + 1 == pieces.size();
  for (std::size_t end = last ? text.size() : position; end <= text.size(); ++end) {
    filled[index] = text.substr(position, end - position);
    if (fillHoles(pieces, index + 1, text, end, filled))
      return true;
  }
  return false;
}

class Matcher {
public:
  Matcher(RecoveredSpec& out, ir::Diagnostics& diagnostics)
      : out_(out), diagnostics_(diagnostics) {}

  void matchModules(const ir::Module& bundle, const ir::Module& deployed) {
    matchResources(bundle, deployed);
    matchOutputs(bundle, deployed);
    bindGuardInputs(bundle);
    for (const ir::Condition& condition : bundle.conditions) {
      const ir::Condition* other = deployed.findCondition(condition.name);
      if (other)
        match(condition.expression, other->expression, "condition " + condition.name, {});
      else
        drift(deployed.location, "condition '" + condition.name + "' is not deployed");
    }
    for (const ir::Mapping& mapping : bundle.mappings)
      if (const ir::Mapping* other = deployed.findMapping(mapping.name))
        match(mapping.entries, other->entries, "mapping " + mapping.name, {});
  }

private:
  void drift(const ir::SourceLocation& at, const std::string& message) {
    ++out_.drift;
    diagnostics_.warning(kDrift, at, "deployed template departs from the bundle: " + message);
  }

  // A part the guards `guards` cover is deployed (`present`) or not: that decides a guard when it
  // is the only one; false when the part's absence contradicts what is known.
  bool decideCovered(const std::vector<ir::Guard>& guards, bool present,
                     const ir::SourceLocation& at) {
    if (present) {
      for (const ir::Guard& guard : guards)
        decide(guard.variable, guard.whenTrue, at);
      return true;
    }
    if (guards.size() == 1)
      decide(guards[0].variable, !guards[0].whenTrue, at);
    return !guards.empty();
  }

  void decide(const std::string& variable, bool value, const ir::SourceLocation& at) {
    auto [found, inserted] = guardValues_.emplace(variable, std::pair{value, at});
    if (!inserted && found->second.first != value)
      drift(at, "the Jinja condition " + variable + " holds here but not at " +
                    found->second.second.str());
  }

  void matchResources(const ir::Module& bundle, const ir::Module& deployed) {
    for (const ir::Resource& resource : bundle.resources) {
      const ir::Resource* other = deployed.findResource(resource.logicalId);
      if (!resource.guards.empty() && !decideCovered(resource.guards, other != nullptr,
                                                     other ? other->location : deployed.location))
        continue;
      if (!other) {
        drift(deployed.location,
              "resource '" + resource.logicalId + "' (" + resource.location.str() + ") is missing");
        continue;
      }
      std::string where = "resource " + resource.logicalId;
      if (resource.type != other->type)
        drift(other->typeLocation,
              where + " has type " + other->type + ", the bundle gives " + resource.type);
      match(resource.properties, other->properties, where + " properties", other->location);
      match(resource.deletionPolicy, other->deletionPolicy, where + " DeletionPolicy",
            other->location);
      match(resource.updateReplacePolicy, other->updateReplacePolicy,
            where + " UpdateReplacePolicy", other->location);
      match(resource.metadata, other->metadata, where + " Metadata", other->location);
    }
    for (const ir::Resource& resource : deployed.resources)
      if (!bundle.findResource(resource.logicalId))
        drift(resource.location,
              "resource '" + resource.logicalId + "' is deployed but not in the bundle");
  }

  void matchOutputs(const ir::Module& bundle, const ir::Module& deployed) {
    for (const ir::Output& output : bundle.outputs) {
      const ir::Output* other = deployed.findOutput(output.name);
      if (!output.guards.empty() && !decideCovered(output.guards, other != nullptr,
                                                   other ? other->location : deployed.location))
        continue;
      if (!other) {
        drift(deployed.location, "output '" + output.name + "' is missing");
        continue;
      }
      match(output.value, other->value, "output " + output.name, other->location);
      match(output.exportName, other->exportName, "output " + output.name + " export",
            other->location);
    }
    for (const ir::Output& output : deployed.outputs)
      if (!bundle.findOutput(output.name))
        drift(output.location, "output '" + output.name + "' is deployed but not in the bundle");
  }

  // `bundle` and `deployed` at the same position; `fallback` locates a missing deployed node.
  void match(const ir::ExprPtr& bundle, const ir::ExprPtr& deployed, const std::string& where,
             const ir::SourceLocation& fallback) {
    const ir::SourceLocation& at = deployed ? deployed->location() : fallback;
    if (!bundle || !deployed) {
      if (bundle || deployed)
        drift(at, where + (bundle ? " is missing" : " is not in the bundle"));
      return;
    }
    if (bundle->kind() == ir::ExprKind::Guarded)
      return matchGuarded(*bundle, deployed, where);
    if (isBindableReference(*bundle))
      return bindWhole(*bundle, deployed, where);
    if (bundle->kind() == ir::ExprKind::Sub && hasReferences(bundle))
      return matchSub(*bundle, deployed, where);
    if (!hasReferences(bundle)) {
      if (!ir::equalExprs(bundle, deployed) && !sameGetAtt(*bundle, *deployed))
        drift(at, where + " is " + ir::exprText(deployed) + ", the bundle gives " +
                      ir::exprText(bundle));
      return;
    }
    if (bundle->kind() != deployed->kind())
      return drift(at, where + " is " + ir::exprText(deployed) + ", the bundle gives " +
                           ir::exprText(bundle));
    matchChildren(*bundle, *deployed, where);
  }

  // The branch of a Guarded node that matches without drift decides its guard; when both do
  // (or neither), the guard stays undecided and the first branch is matched for its bindings.
  void matchGuarded(const ir::Expr& bundle, const ir::ExprPtr& deployed, const std::string& where) {
    const auto& branches = bundle.arguments();
    bool whenTrue = fits(branches[0], deployed), whenFalse = fits(branches[1], deployed);
    if (whenTrue != whenFalse)
      decide(bundle.name(), whenTrue, deployed->location());
    match(whenFalse && !whenTrue ? branches[1] : branches[0], deployed, where,
          deployed->location());
  }

  // Whether `bundle` matches `deployed` without drift (bindings and guards decided so far hold).
  bool fits(const ir::ExprPtr& bundle, const ir::ExprPtr& deployed) const {
    if (ir::isNoValue(bundle) || !deployed)
      return ir::isNoValue(bundle) == !deployed;
    RecoveredSpec scratch = out_;
    ir::Diagnostics quiet;
    Matcher trial(scratch, quiet);
    trial.guardValues_ = guardValues_;
    trial.match(bundle, deployed, "", deployed->location());
    return scratch.drift == out_.drift;
  }

  // A list whose guarded items may each be deployed or not: aligned item by item, an optional
  // item taken when it fits the next deployed one.
  void matchOptionalItems(const ir::Expr& bundle, const ir::Expr& deployed,
                          const std::string& where) {
    const auto& ours = bundle.items();
    const auto& theirs = deployed.items();
    std::size_t next = 0;
    for (std::size_t i = 0; i < ours.size(); ++i) {
      std::string at = where + "[" + std::to_string(i) + "]";
      if (isOptional(ours[i])) {
        const auto& branches = ours[i]->arguments();
        bool kept = ir::isNoValue(branches[1]);
        const ir::ExprPtr& value = kept ? branches[0] : branches[1];
        bool taken = next < theirs.size() && fits(value, theirs[next]);
        decide(ours[i]->name(), taken == kept, deployed.location());
        if (taken)
          match(value, theirs[next++], at, deployed.location());
        continue;
      }
      match(ours[i], next < theirs.size() ? theirs[next] : nullptr, at, deployed.location());
      next += next < theirs.size() ? 1 : 0;
    }
    for (; next < theirs.size(); ++next)
      drift(theirs[next]->location(),
            where + "[" + std::to_string(next) + "] is not in the bundle");
  }

  void matchChildren(const ir::Expr& bundle, const ir::Expr& deployed, const std::string& where) {
    if (bundle.kind() == ir::ExprKind::Map)
      return matchMaps(bundle, deployed, where);
    if (bundle.kind() == ir::ExprKind::List &&
        std::any_of(bundle.items().begin(), bundle.items().end(), isOptional))
      return matchOptionalItems(bundle, deployed, where);
    auto ours = bundle.children();
    auto theirs = deployed.children();
    bool sameHead = true;
    if (bundle.kind() == ir::ExprKind::If)
      sameHead = bundle.name() == deployed.name();
    if (bundle.kind() == ir::ExprKind::GetAtt)
      sameHead = bundle.getAtt().logicalId == deployed.getAtt().logicalId &&
                 bundle.getAtt().attribute == deployed.getAtt().attribute;
    if (!sameHead || ours.size() != theirs.size())
      return drift(deployed.location(), where + " does not have the bundle's shape (" +
                                            std::string(ir::exprKindName(bundle.kind())) + ")");
    for (std::size_t i = 0; i < ours.size(); ++i)
      match(ours[i], theirs[i], where + "[" + std::to_string(i) + "]", deployed.location());
  }

  void matchMaps(const ir::Expr& bundle, const ir::Expr& deployed, const std::string& where) {
    for (const ir::MapEntry& entry : bundle.entries()) {
      const ir::MapEntry* other = deployed.find(entry.key);
      if (!other && isOptional(entry.value)) {
        decide(entry.value->name(), ir::isNoValue(entry.value->arguments()[0]),
               deployed.location());
        continue;
      }
      if (!other) {
        drift(deployed.location(), where + "." + entry.key + " is missing");
        continue;
      }
      match(entry.value, other->value, where + "." + entry.key, other->keyLocation);
    }
    for (const ir::MapEntry& entry : deployed.entries())
      if (!bundle.find(entry.key))
        drift(entry.keyLocation, where + "." + entry.key + " is not in the bundle");
  }

  void bindWhole(const ir::Expr& reference, const ir::ExprPtr& deployed, const std::string& where) {
    RecoveredValue value;
    value.location = deployed->location();
    if (auto text = scalarText(deployed)) {
      value.text = *text;
    } else if (deployed->kind() == ir::ExprKind::List) {
      value.items.emplace();
      for (const ir::ExprPtr& item : deployed->items())
        value.items->push_back(scalarText(item).value_or(ir::exprText(item)));
    } else {
      return drift(deployed->location(), where + " is " + ir::exprText(deployed) +
                                             " where the bundle has a value of " +
                                             referenceName(reference));
    }
    bind(reference, std::move(value));
  }

  static std::string referenceName(const ir::Expr& reference) {
    if (reference.kind() == ir::ExprKind::UpstreamOutputRef)
      return reference.upstreamOutput().module + "." + reference.upstreamOutput().output;
    return reference.name();
  }

  std::map<std::string, RecoveredValue>& tableOf(const ir::Expr& reference) {
    if (reference.kind() == ir::ExprKind::InputRef)
      return out_.inputs;
    if (reference.kind() == ir::ExprKind::ContextRef)
      return out_.context;
    return out_.upstreamOutputs;
  }

  // Booleans print as True in Jinja and true in YAML: compared case-insensitively.
  bool sameValue(const RecoveredValue& a, const RecoveredValue& b) const {
    if (a.items || b.items)
      return a.items == b.items;
    return a.text == b.text || lower(a.text) == lower(b.text);
  }

  void bind(const ir::Expr& reference, RecoveredValue value) {
    auto& table = tableOf(reference);
    std::string name = referenceName(reference);
    auto [found, inserted] = table.emplace(name, value);
    if (inserted || sameValue(found->second, value))
      return;
    drift(value.location, name + " is '" + value.text + "' here but '" + found->second.text +
                              "' at " + found->second.location.str());
  }

  std::vector<Piece> patternOf(const ir::SubTemplate& sub) {
    bool concatenation = ir::isConcatenation(sub);
    std::vector<Piece> pieces;
    auto literal = [&](const std::string& text) {
      if (!pieces.empty() && !pieces.back().reference)
        pieces.back().literal += text;
      else
        pieces.push_back({text, nullptr});
    };
    for (const ir::SubPart& part : sub.parts) {
      if (part.kind == ir::SubPart::Kind::Text)
        literal(part.text);
      else if (part.kind == ir::SubPart::Kind::EscapedVariable)
        literal(concatenation ? "${" + part.text + "}" : "${!" + part.text + "}");
      else if (ir::ExprPtr reference = variableReference(sub, part))
        pushHole(pieces, reference, literal);
      else
        literal("${" + part.name + (part.attribute.empty() ? "" : "." + part.attribute) + "}");
    }
    return pieces;
  }

  template <typename Literal>
  void pushHole(std::vector<Piece>& pieces, const ir::ExprPtr& reference, Literal& literal) {
    auto& table = tableOf(*reference);
    auto found = table.find(referenceName(*reference));
    // A value already recovered elsewhere is literal text here, which narrows the match.
    if (found != table.end() && !found->second.items)
      literal(found->second.text);
    else
      pieces.push_back({"", reference});
  }

  static ir::ExprPtr variableReference(const ir::SubTemplate& sub, const ir::SubPart& part) {
    if (!part.attribute.empty())
      return nullptr;
    for (const ir::MapEntry& entry : sub.variables)
      if (entry.key == part.name && entry.value && isBindableReference(*entry.value))
        return entry.value;
    return nullptr;
  }

  void matchSub(const ir::Expr& bundle, const ir::ExprPtr& deployed, const std::string& where) {
    const ir::SubTemplate& sub = bundle.sub();
    std::optional<std::string> text;
    if (ir::isConcatenation(sub))
      text = scalarText(deployed);
    else if (deployed->kind() == ir::ExprKind::Sub)
      text = ir::subSource(deployed->sub().parts);
    if (!text)
      return drift(deployed->location(),
                   where + " is " + ir::exprText(deployed) + ", the bundle gives a string");
    if (!ir::isConcatenation(sub))
      matchKeptVariables(sub, deployed->sub(), where, deployed->location());
    matchPattern(patternOf(sub), *text, deployed->location(), where, sub);
  }

  void matchKeptVariables(const ir::SubTemplate& sub, const ir::SubTemplate& deployed,
                          const std::string& where, const ir::SourceLocation& at) {
    for (const ir::MapEntry& entry : sub.variables) {
      if (entry.value && isBindableReference(*entry.value))
        continue;
      auto other = std::find_if(deployed.variables.begin(), deployed.variables.end(),
                                [&](const ir::MapEntry& e) { return e.key == entry.key; });
      match(entry.value, other == deployed.variables.end() ? nullptr : other->value,
            where + " variable " + entry.key, at);
    }
  }

  void matchPattern(const std::vector<Piece>& pieces, const std::string& text,
                    const ir::SourceLocation& at, const std::string& where,
                    const ir::SubTemplate& sub) {
    for (std::size_t i = 1; i < pieces.size(); ++i)
      if (pieces[i].reference && pieces[i - 1].reference) {
        diagnostics_.warning(kDrift, at,
                             where + ": " + referenceName(*pieces[i - 1].reference) + " and " +
                                 referenceName(*pieces[i].reference) + " are adjacent, so '" +
                                 text +
                                 "' cannot be split between them; neither was recovered here");
        return;
      }
    std::vector<std::string> filled(pieces.size());
    if (!fillHoles(pieces, 0, text, 0, filled))
      return drift(at, where + " is '" + text + "', which does not fit the bundle's '" +
                           ir::subSource(sub.parts) + "'");
    for (std::size_t i = 0; i < pieces.size(); ++i)
      if (pieces[i].reference)
        bind(*pieces[i].reference, {filled[i], std::nullopt, at});
  }

  // The inputs a decided guard's condition pins down (guard_inputs.h).
  void bindGuardInputs(const ir::Module& bundle) {
    for (const ir::GuardVariable& guard : bundle.guards) {
      auto found = guardValues_.find(guard.name);
      if (found == guardValues_.end())
        continue;
      for (const PinnedValue& pinned :
           valuesPinnedBy(guard.condition, found->second.first, out_.declared))
        bind(*pinned.reference, {pinned.text, std::nullopt, found->second.second});
    }
  }

  RecoveredSpec& out_;
  ir::Diagnostics& diagnostics_;
  // Guards decided by what is deployed, with where the deciding node was.
  std::map<std::string, std::pair<bool, ir::SourceLocation>> guardValues_;
};

} // namespace

std::string lower(std::string text) {
  for (char& c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

void matchDeployed(const ir::Module& parametric, const ir::Module& deployed, RecoveredSpec& out,
                   ir::Diagnostics& diagnostics) {
  Matcher(out, diagnostics).matchModules(parametric, deployed);
}

} // namespace pm::frontend
