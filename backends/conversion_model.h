// What a backend receives: the modules of one bundle after the passes, and the deployments
// (stacks) Proton made of them, so a backend can emit both reusable code and the roots or apps
// that instantiate it.
#pragma once

#include "ir/instantiate.h"
#include "ir/module_graph.h"
#include "ir/pass_pipeline.h"
#include "ir/source_location.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pm::backends {

enum class ConversionMode { Parametric, Rendered };

// A resource of a deployed stack, as `describe-stack-resources` listed it.
struct DeployedResource {
  std::string physicalId;
  std::string type;            // the CloudFormation type
  ir::SourceLocation location; // its entry in the stack dump
};

// What a stack dump (`--stack-dump`) told about a deployment's live stack.
struct DeployedStack {
  std::string dumpPath;
  std::string stackId; // the stack's ARN, when the dump gave it (ImportAsProvisionedProduct's id)
  // The deployed template exactly as the dump held it (JSON text when it was an object); empty
  // when the dump had none. Service Catalog's adoption artifact is this text.
  std::string templateBody;
  std::map<std::string, DeployedResource> resources; // by logical ID
  // The deployed template (or the rendered one when the dump had none) with DeletionPolicy and
  // UpdateReplacePolicy Retain on every resource; empty when neither could be read.
  std::string retainTemplate;
};

// Which deployment: module and name together are unique in a model.
struct DeploymentRef {
  std::string module;
  std::string name;
};

// One stack Proton deployed, or would deploy, from a module: the environment, each service
// instance of the spec, the pipeline, a component.
struct Deployment {
  std::string module;     // the ir::Module it instantiates
  std::string name;       // the environment's or service instance's name ("pipeline" for one)
  std::string stackName;  // the deployed stack's name when a stack dump gave it, else empty
  ir::InputValues values; // the spec's inputs, the context values and upstream output values
  std::optional<DeployedStack> deployed = std::nullopt; // from a stack dump
  std::string bundle = {};                              // the template bundle it comes from
  // The environment a service instance or component is deployed in, when that environment's
  // template is converted in the same model: the backends wire its outputs from that stack
  // instead of the literal values in `values.upstreamOutputs`.
  std::optional<DeploymentRef> environment = std::nullopt;
};

struct ConversionModel {
  std::string bundleName;      // several bundles converted together: their names joined by " + "
  std::string templateVersion; // major version from the layout ("1"), empty when unknown
  ConversionMode mode = ConversionMode::Parametric;
  ir::ModuleGraph modules; // after ir::runPasses
  ir::PassResults passes;
  std::vector<Deployment> deployments; // in module order, then spec order
};

} // namespace pm::backends
