// A module: one deployable unit (an environment's infrastructure, a service instance's, a
// pipeline, a component, or a plain CloudFormation template) with everything it declares.
#pragma once

#include "ir/condition.h"
#include "ir/expr.h"
#include "ir/guard.h"
#include "ir/input.h"
#include "ir/mapping.h"
#include "ir/output.h"
#include "ir/resource.h"
#include "ir/resource_loop_fragment.h"
#include "ir/source_location.h"

#include <string>
#include <string_view>
#include <vector>

namespace pm::ir {

enum class ModuleKind { Environment, ServiceInstance, Pipeline, Component, Template };

std::string_view moduleKindName(ModuleKind kind);

// The SAM transform: it turns AWS::Serverless::* resources into several resources whose names
// the template may refer to without declaring them.
inline constexpr std::string_view kServerlessTransform = "AWS::Serverless-2016-10-31";
// The transform that gives templates Fn::ForEach, Fn::Length, Fn::ToJsonString, ...
inline constexpr std::string_view kLanguageExtensionsTransform = "AWS::LanguageExtensions";

struct Module {
  ModuleKind kind = ModuleKind::Template;
  std::string name;
  std::string sourcePath;
  std::string templateVersion; // the Proton template version ("1.0"), when known
  std::string formatVersion;   // AWSTemplateFormatVersion
  std::string description;
  std::vector<std::string> transforms;
  ExprPtr metadata;
  // Every list is in source order; outputs are deterministic because of it.
  std::vector<Input> inputs;
  std::vector<Resource> resources;
  std::vector<ResourceLoopFragment> resourceLoops; // Fn::ForEach::<Name> entries of Resources
  std::vector<Output> outputs;
  std::vector<Condition> conditions;
  std::vector<Mapping> mappings;
  std::vector<GuardVariable> guards; // parametric mode: the Jinja conditions (guard.h)
  // Rules, Hooks, SAM's Globals: kept as written, not interpreted.
  std::vector<MapEntry> otherSections;
  // Names of the modules whose outputs this one reads (a service instance's environment).
  std::vector<std::string> upstreamModules;
  SourceLocation location;

  const Input* findInput(std::string_view name) const;
  const Resource* findResource(std::string_view logicalId) const;
  const Output* findOutput(std::string_view name) const;
  const Condition* findCondition(std::string_view name) const;
  const Mapping* findMapping(std::string_view name) const;
  const GuardVariable* findGuard(std::string_view name) const;
  bool hasTransform(std::string_view transform) const;
};

} // namespace pm::ir
