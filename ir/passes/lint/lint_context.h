// What a rule sees while it runs over one module: the module, the graph, the options, the
// resolved environment profile, and report(), which applies suppressions.
#pragma once

#include "ir/passes/lint/lint_pass.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace pm::ir::lint {

class LintContext {
public:
  LintContext(const ModuleGraph& graph, const Module& module, const Diagnostics& sources,
              const LintOptions& options, LintResult& result);

  const ModuleGraph& graph() const { return graph_; }
  const Module& module() const { return module_; }
  const LintOptions& options() const { return options_; }
  // The production profile: forced by the options, or an input named environment/env/stage
  // whose default says prod (lint-rules.md §1.2).
  bool production() const { return production_; }
  // The value a guard variable takes with every input at its default; nothing when the
  // defaults do not decide it.
  std::optional<bool> guardByDefaults(const std::string& guard) const;
  // The diagnostics of the run so far (the readers' MIG008 name inputs they rendered).
  const Diagnostics& diagnostics() const { return sources_; }
  // A guard variable's condition as text, for messages ("Guard1" when unknown).
  std::string guardText(const std::string& guard) const;

  // Adds a finding unless a suppression of `ruleId` on `resource` (may be null) or a comment
  // near `location` covers it. An unknown location falls back to the resource's.
  void report(std::string_view ruleId, Severity severity, const Resource* resource,
              SourceLocation location, std::string message);

  // A finding no suppression can silence (a suppression's own problem).
  void reportAlways(std::string_view ruleId, Severity severity, SourceLocation location,
                    std::string message);

  // walkModule without the resource.
  static void forEachExpr(const Module& module, const std::function<void(const Expr&)>& visit);

private:
  const ModuleGraph& graph_;
  const Module& module_;
  const Diagnostics& sources_;
  const LintOptions& options_;
  LintResult& result_;
  bool production_ = false;
  std::map<std::string, bool> defaultGuards_;
};

// Calls visit(node, resource) for every expression of the module: resource properties and
// attributes (resource set), outputs, conditions, guard conditions, mappings, input defaults,
// other sections and the template's Metadata (resource null).
void walkModule(const Module& module,
                const std::function<void(const Expr&, const Resource*)>& visit);

// Map navigation: the value under `path` ("A.B.C") when every step is a Map; null otherwise.
ExprPtr member(const ExprPtr& map, std::string_view path);
ExprPtr property(const Resource& resource, std::string_view path);
// A scalar literal's text (String, Number, Bool as "true"/"false"); empty when not a scalar.
std::optional<std::string> scalarText(const ExprPtr& value);
std::optional<std::string> scalarText(const Expr& value);
// A string's text or a Fn::Sub's template text: what a name or ARN pattern is matched against.
std::string patternText(const ExprPtr& value);
// The items of a List, or the value itself as a one-element list (policy fields take both).
std::vector<ExprPtr> asList(const ExprPtr& value);
// Ref X or Fn::GetAtt X.*: the logical ID named; empty otherwise.
std::string referencedResource(const ExprPtr& value);
// True when `tree` names `logicalId` through Ref, Fn::GetAtt or a Fn::Sub variable.
bool refersTo(const ExprPtr& tree, const std::string& logicalId);
std::string lowercase(std::string text);
// The literal value of a resource's tag (a [{Key, Value}] list or a map); nothing otherwise.
std::optional<std::string> tagValue(const Resource& resource, std::string_view key);
// One level less severe (error -> warning -> info -> note).
Severity lowered(Severity severity);

} // namespace pm::ir::lint
