// The SAM expansion's shared parts (expand_serverless.cpp: functions, roles, events, tables;
// serverless_apis.cpp: API events and the APIs): builders of generated resources, lookups in
// SAM property maps, and the state of one module's expansion. Internal to the pass.
#pragma once

#include "ir/diagnostics.h"
#include "ir/module.h"
#include "ir/passes/expand_serverless.h"

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pm::ir::sam {

using Entries = std::vector<MapEntry>;

// Builders that locate every generated node at the SAM resource it comes from.
struct Build {
  SourceLocation at;
  ExprPtr str(std::string text) const { return Expr::string(std::move(text), at); }
  ExprPtr ref(std::string name) const { return Expr::ref(std::move(name), at); }
  ExprPtr getAtt(std::string id, std::string attribute) const {
    return Expr::getAtt({std::move(id), std::move(attribute), nullptr, false}, at);
  }
  ExprPtr map(Entries entries) const { return Expr::map(std::move(entries), at); }
  ExprPtr list(std::vector<ExprPtr> items) const { return Expr::list(std::move(items), at); }
  MapEntry entry(std::string key, ExprPtr value) const { return {std::move(key), at, value}; }
};

const MapEntry* findEntry(const ExprPtr& map, std::string_view key);

ExprPtr valueOf(const ExprPtr& map, std::string_view key);

std::string literal(const ExprPtr& expr);

// Applies `leaf` under the Guarded and Fn::If nodes of a value, keeping absent branches.
ExprPtr mapLeaves(const ExprPtr& value, const std::function<ExprPtr(const ExprPtr&)>& leaf);

// The resource's properties with the Globals section's (`Globals.<section>`) as defaults.
Entries withGlobals(const Resource& resource, const ExprPtr& globals);

ExprPtr find(const Entries& entries, std::string_view key);

// A resource generated for `source`: it exists when the SAM resource does.
Resource generated(const Resource& source, std::string logicalId, std::string type,
                   Entries properties);

// s3://bucket/key, or a {Bucket, Key, Version} map, as Lambda's Code.
Entries codeOf(const Entries& properties, const Build& b);

std::string upper(std::string text);

std::string lower(std::string text);

struct Expansion {
  Module& module;
  Diagnostics& diagnostics;
  ExprPtr globals;
  std::vector<Resource> out = {};
  // Routes SAM writes into each API's OpenAPI body: api -> path -> method -> integration.
  std::map<std::string, std::map<std::string, Entries>> restRoutes = {};
  std::set<std::string> implicitApis = {};

  ExprPtr globalSection(std::string_view name) const { return valueOf(globals, name); }
  void function(const Resource& resource);
  void role(const Resource& resource, const Entries& properties,
            std::vector<ExprPtr> eventPolicies);
  void event(const Resource& function, const std::string& name, const ExprPtr& event,
             std::vector<ExprPtr>& eventPolicies);
  // The Lambda permission SAM gives the event's source to invoke the function.
  void permission(const Resource& function, const std::string& logicalId,
                  const std::string& principal, ExprPtr source) {
    Build b{function.location};
    out.push_back(
        generated(function, logicalId, "AWS::Lambda::Permission",
                  {b.entry("Action", b.str("lambda:InvokeFunction")),
                   b.entry("FunctionName", b.ref(function.logicalId)),
                   b.entry("Principal", b.str(principal)), b.entry("SourceArn", source)}));
  }
  void httpRoute(const Resource& function, const std::string& id, const ExprPtr& properties);
  void restRoute(const Resource& function, const std::string& id, const ExprPtr& properties);
  void httpApi(const Resource& resource);
  void restApi(const Resource& resource);
  void simpleTable(const Resource& resource);
  void unsupported(const SourceLocation& at, const std::string& what) {
    diagnostics.warning(kServerlessExpansionRule, at,
                        what + " is not expanded like the SAM transform would: it is left out");
  }
};

} // namespace pm::ir::sam
