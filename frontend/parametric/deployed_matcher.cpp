// Inverse rendering's core: walking a parametric module and a deployed template side by side,
// binding each reference to the deployed value at its position and reporting differences as
// drift (MIG023).
#include "frontend/parametric/deployed_matcher.h"

#include "frontend/cloudformation/template_values.h"
#include "frontend/parametric/guard_inputs.h"
#include "frontend/parametric/probe_tokens.h"
#include "frontend/parametric/string_pattern.h"

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

// References to bind, guards to decide, or probe tokens to fill: each needs a structural match.
bool hasReferences(const ir::ExprPtr& root,
                   const std::map<std::string, std::size_t>& numericProbes = {}) {
  bool found = false;
  ir::walkExpr(root, [&](const ir::Expr& node) {
    found = found || isBindableReference(node) || node.kind() == ir::ExprKind::Guarded ||
            (node.kind() == ir::ExprKind::String && hasProbe(node.text())) ||
            (node.kind() == ir::ExprKind::Number && !numericProbes.empty() &&
             numericProbes.count(node.number().text));
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

class Matcher {
public:
  Matcher(RecoveredSpec& out, ir::Diagnostics& diagnostics)
      : out_(out), diagnostics_(diagnostics) {}

  void matchModules(const ir::Module& bundle, const ir::Module& deployed) {
    matchResources(bundle, deployed);
    matchOutputs(bundle, deployed);
    matchParametersAndSections(bundle, deployed);
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

  // A part the guards `guards` cover is deployed (`present`) or not. Deployed, every guard held;
  // absent, a lone guard did not (with several, which one is unknown), and a guard already known
  // to hold is drift (decide). True when the part is deployed and is to be matched.
  bool decideCovered(const std::vector<ir::Guard>& guards, bool present,
                     const ir::SourceLocation& at) {
    if (present) {
      for (const ir::Guard& guard : guards)
        decide(guard.variable, guard.whenTrue, at);
      return true;
    }
    if (guards.size() == 1)
      decide(guards[0].variable, !guards[0].whenTrue, at);
    return false;
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
    if (bundle->kind() == ir::ExprKind::String && hasProbe(bundle->text()))
      return matchProbed(bundle->text(), deployed, where);
    if (auto slot = numericProbe(bundle))
      return bindProbe(*slot, {scalarText(deployed).value_or(ir::exprText(deployed)), std::nullopt,
                               deployed->location()});
    if (!hasReferences(bundle, out_.numericProbes)) {
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
    auto literal = [&](const std::string& text) { pushLiteral(pieces, text); };
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

  // A literal the reading printed probe tokens into: the deployed text fills them.
  void matchProbed(const std::string& text, const ir::ExprPtr& deployed, const std::string& where) {
    auto deployedText = scalarText(deployed);
    if (!deployedText)
      return drift(deployed->location(),
                   where + " is " + ir::exprText(deployed) + ", the bundle gives a string");
    std::vector<Piece> pieces;
    pushLiteral(pieces, text);
    matchPattern(pieces, *deployedText, deployed->location(), where, std::nullopt);
  }

  template <typename Literal>
  void pushHole(std::vector<Piece>& pieces, const ir::ExprPtr& reference, Literal& literal) {
    auto& table = tableOf(*reference);
    auto found = table.find(referenceName(*reference));
    // A value already recovered elsewhere is literal text here, which narrows the match.
    if (found != table.end() && !found->second.items)
      literal(found->second.text);
    else
      pieces.push_back({"", reference, std::nullopt});
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
    matchPattern(patternOf(sub), *text, deployed->location(), where, ir::subSource(sub.parts));
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

  // `sourceText` is the bundle's text for messages: the Sub's source, else the pattern itself.
  void matchPattern(const std::vector<Piece>& pieces, const std::string& text,
                    const ir::SourceLocation& at, const std::string& where,
                    const std::optional<std::string>& sourceText) {
    for (std::size_t i = 1; i < pieces.size(); ++i)
      if (pieces[i].isHole() && pieces[i - 1].isHole()) {
        diagnostics_.warning(kDrift, at,
                             where + ": " + holeName(pieces[i - 1]) + " and " +
                                 holeName(pieces[i]) + " are adjacent, so '" + text +
                                 "' cannot be split between them; neither was recovered here");
        return;
      }
    std::vector<std::string> filled(pieces.size());
    if (!fillHoles(pieces, 0, text, 0, filled))
      return drift(at, where + " is '" + text + "', which does not fit the bundle's '" +
                           sourceText.value_or(patternText(pieces)) + "'");
    for (std::size_t i = 0; i < pieces.size(); ++i)
      if (pieces[i].reference)
        bind(*pieces[i].reference, {filled[i], std::nullopt, at});
      else if (pieces[i].probe)
        bindProbe(*pieces[i].probe, {filled[i], std::nullopt, at});
  }

  std::optional<std::size_t> numericProbe(const ir::ExprPtr& bundle) const {
    if (bundle->kind() != ir::ExprKind::Number)
      return std::nullopt;
    auto found = out_.numericProbes.find(bundle->number().text);
    return found == out_.numericProbes.end() ? std::nullopt : std::optional(found->second);
  }

  void bindProbe(std::size_t slot, RecoveredValue value) {
    auto [found, inserted] = out_.probed.emplace(slot, value);
    if (!inserted && found->second.text != value.text)
      drift(value.location, "a probed input is '" + value.text + "' here but '" +
                                found->second.text + "' at " + found->second.location.str());
  }

  // The inputs a decided guard's condition pins down (guard_inputs.h). An enum input that every
  // guard's outcome rules out but for one member is that member.
  void bindGuardInputs(const ir::Module& bundle) {
    struct RuledOut {
      ir::ExprPtr reference;
      ir::SourceLocation at; // where a guard that rules a member out was decided
      std::set<std::string> members;
    };
    std::map<std::string, RuledOut> excluded;
    for (const ir::GuardVariable& guard : bundle.guards) {
      auto found = guardValues_.find(guard.name);
      if (found == guardValues_.end())
        continue;
      const auto& [holds, at] = found->second;
      for (const PinnedValue& pinned : valuesPinnedBy(guard.condition, holds, out_.declared)) {
        bool isInput = pinned.reference->kind() == ir::ExprKind::InputRef;
        if (pinned.pin == Pin::Equal)
          bind(*pinned.reference, {pinned.text, std::nullopt, at});
        else if (pinned.pin == Pin::Undefined && isInput)
          out_.undefinedInputs.insert(pinned.reference->name());
        else if (pinned.pin == Pin::NotEqual && isInput)
          excluded.try_emplace(pinned.reference->name(), RuledOut{pinned.reference, at, {}})
              .first->second.members.insert(pinned.text);
      }
    }
    for (const auto& [name, ruledOut] : excluded)
      if (auto member = onlyMemberLeft(name, ruledOut.members); member && !out_.inputs.count(name))
        bind(*ruledOut.reference, {*member, std::nullopt, ruledOut.at});
  }

  std::optional<std::string> onlyMemberLeft(const std::string& input,
                                            const std::set<std::string>& ruledOut) const {
    auto declared =
        std::find_if(out_.declared.begin(), out_.declared.end(),
                     [&](const ir::Input& candidate) { return candidate.name == input; });
    if (declared == out_.declared.end())
      return std::nullopt;
    std::optional<std::string> left;
    for (const ir::ExprPtr& member : declared->allowedValues) {
      auto text = scalarText(member);
      if (!text || ruledOut.count(*text))
        continue;
      if (left)
        return std::nullopt;
      left = text;
    }
    return left;
  }

  // Template parameters' defaults may hold inputs ("Default: {{ environment.inputs.ami }}"), and
  // SAM's Globals too.
  void matchParametersAndSections(const ir::Module& bundle, const ir::Module& deployed) {
    for (const ir::Input& parameter : bundle.inputs) {
      if (parameter.cloudFormationType.empty())
        continue; // a schema input, not a template parameter
      const ir::Input* other = deployed.findInput(parameter.name);
      if (!other) {
        drift(deployed.location, "parameter '" + parameter.name + "' is missing");
        continue;
      }
      match(parameter.defaultValue, other->defaultValue, "parameter " + parameter.name + " default",
            other->location);
    }
    for (const ir::MapEntry& section : bundle.otherSections) {
      auto other =
          std::find_if(deployed.otherSections.begin(), deployed.otherSections.end(),
                       [&](const ir::MapEntry& entry) { return entry.key == section.key; });
      if (other == deployed.otherSections.end())
        drift(deployed.location, "section " + section.key + " is missing");
      else
        match(section.value, other->value, section.key, other->keyLocation);
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
