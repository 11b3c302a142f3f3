// The data tree Proton handed to Jinja for each kind of template file (proton-format.md §5.2):
// `environment`, `service`, `service_instance`, `pipeline`, `service_instances`, `component`.
// Built exactly as the reference renderer builds it, so renders compare byte for byte.
#pragma once

#include "frontend/bundle/bundle.h"
#include "frontend/bundle/spec.h"
#include "frontend/jinja/value.h"
#include "ir/diagnostics.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pm::frontend {

// Values no spec carries; the defaults match DESIGN.md's command line.
struct ContextOverride {
  std::string path; // "service.name", "environment.account_id", ...
  std::string value;
};

struct RenderRequest {
  PartRole part = PartRole::Infrastructure;
  const Spec* spec = nullptr; // validated against the bundle's schema
  std::string instance;       // empty: the spec's first instance
  jinja::Value environmentOutputs = jinja::Value::dict();
  std::optional<jinja::Value> componentOutputs; // an attached component's outputs
  // A pipeline's `service_instances[i].outputs`, by instance name (instance_outputs.h); an
  // instance not listed has none.
  std::map<std::string, jinja::Value> instanceOutputs;
  std::vector<ContextOverride> overrides;
};

constexpr const char* kDefaultAccountId = "111111111111";
constexpr const char* kDefaultEnvironmentName = "env";
constexpr const char* kDefaultServiceName = "service";

// The top-level names for rendering `request.part` of `bundle`. PRS010 when the named instance is
// not in the spec or an override names no context value.
std::optional<jinja::Value> buildContext(const Bundle& bundle, const RenderRequest& request,
                                         ir::Diagnostics& diagnostics);

} // namespace pm::frontend
