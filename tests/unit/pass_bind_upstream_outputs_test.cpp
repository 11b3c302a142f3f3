// The bind-upstream-outputs pass: every environment output a service reads exists in every
// compatible environment, and each read is bound to the outputs that produce it.
#include "cloudformation_test_support.h"
#include "ir/passes/bind_upstream_outputs.h"

#include <doctest/doctest.h>

using namespace pm;

namespace {

ir::SourceLocation at(int line, int column) {
  return {"instance.yaml", line, column};
}

ir::Module environment(const std::string& name, std::vector<std::string> outputs) {
  ir::Module module;
  module.kind = ir::ModuleKind::Environment;
  module.name = name;
  module.location = {name + ".yaml", 0, 0};
  int line = 1;
  for (std::string& output : outputs)
    module.outputs.push_back({std::move(output),
                              ir::Expr::string("v", {}),
                              "",
                              nullptr,
                              std::nullopt,
                              {name + ".yaml", line++, 3},
                              {}});
  return module;
}

// A service instance with one queue whose properties read the given environment outputs.
ir::Module instance(std::vector<std::string> upstream, std::vector<std::string> reads,
                    const std::string& namedModule = "environment") {
  ir::Module module;
  module.kind = ir::ModuleKind::ServiceInstance;
  module.name = "api";
  module.upstreamModules = std::move(upstream);
  std::vector<ir::MapEntry> properties;
  int line = 5;
  for (const std::string& output : reads) {
    properties.push_back(
        {output, at(line, 7), ir::Expr::upstreamOutputRef({namedModule, output}, at(line, 12))});
    ++line;
  }
  ir::Resource queue;
  queue.logicalId = "Queue";
  queue.type = "AWS::SQS::Queue";
  queue.properties = ir::Expr::map(std::move(properties), at(4, 5));
  module.resources.push_back(std::move(queue));
  return module;
}

} // namespace

TEST_CASE("An environment output read by a service is bound to the environment that produces it") {
  ir::ModuleGraph graph;
  graph.add(instance({"env"}, {"VpcId"}));
  graph.add(environment("env", {"ClusterName", "VpcId"}));
  ir::Diagnostics diagnostics;
  ir::UpstreamBindings bindings;
  ir::runBindUpstreamOutputs(graph, diagnostics, bindings);
  CHECK(diagnostics.all().empty());
  REQUIRE(bindings.bindings.size() == 1);
  const ir::UpstreamBinding* binding = bindings.find("api", at(5, 12));
  REQUIRE(binding);
  CHECK(binding->output == "VpcId");
  REQUIRE(binding->producers.size() == 1);
  CHECK(binding->producers[0].module == "env");
  CHECK(binding->producers[0].location == ir::SourceLocation{"env.yaml", 2, 3});
}

TEST_CASE("An output that a compatible environment does not produce is MIG003 at the read") {
  ir::ModuleGraph graph;
  graph.add(environment("small", {"VpcId", "ClusterName"}));
  graph.add(environment("large", {"VpcId"}));
  graph.add(instance({"small", "large"}, {"VpcId", "ClusterName"}));
  ir::Diagnostics diagnostics;
  ir::UpstreamBindings bindings;
  ir::runBindUpstreamOutputs(graph, diagnostics, bindings);
  REQUIRE(diagnostics.all().size() == 1);
  const ir::Diagnostic& error = diagnostics.all()[0];
  CHECK(error.ruleId == ir::kMissingUpstreamOutputRule);
  CHECK(error.severity == ir::Severity::Error);
  CHECK(error.location == at(6, 12));
  CHECK(error.message == "output 'ClusterName' is read here but environment template 'large' "
                         "does not produce it; add an Output named 'ClusterName' to it or stop "
                         "reading it");
  REQUIRE(error.notes.size() == 1);
  CHECK(error.notes[0].location == ir::SourceLocation{"large.yaml", 0, 0});
  // The read is still recorded, with the one environment that has it.
  const ir::UpstreamBinding* binding = bindings.find("api", at(6, 12));
  REQUIRE(binding);
  REQUIRE(binding->producers.size() == 1);
  CHECK(binding->producers[0].module == "small");
  CHECK(bindings.find("api", at(5, 12))->producers.size() == 2);
}

TEST_CASE("A reference naming a module of the graph binds to that module only") {
  ir::ModuleGraph graph;
  graph.add(environment("env", {"VpcId"}));
  graph.add(environment("other", {}));
  graph.add(instance({"env", "other"}, {"VpcId"}, "env"));
  ir::Diagnostics diagnostics;
  ir::UpstreamBindings bindings;
  ir::runBindUpstreamOutputs(graph, diagnostics, bindings);
  CHECK(diagnostics.all().empty());
  CHECK(bindings.find("api", at(5, 12))->producers.at(0).module == "env");
}

TEST_CASE("A conditional producing output is a MIG003 warning because it can be absent") {
  ir::ModuleGraph graph;
  ir::Module env = environment("env", {"VpcId"});
  env.outputs[0].condition = ir::LocatedName{"HasVpc", {"env.yaml", 1, 15}};
  graph.add(std::move(env));
  graph.add(instance({"env"}, {"VpcId"}));
  ir::Diagnostics diagnostics;
  ir::runBindUpstreamOutputs(graph, diagnostics);
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].severity == ir::Severity::Warning);
  CHECK(diagnostics.all()[0].message.find("'HasVpc'") != std::string::npos);
}

TEST_CASE("Linked environments missing from the graph bind nothing and report nothing here") {
  ir::ModuleGraph graph;
  graph.add(instance({"absent"}, {"VpcId"}));
  ir::Diagnostics diagnostics;
  ir::UpstreamBindings bindings;
  ir::runBindUpstreamOutputs(graph, diagnostics, bindings);
  CHECK(diagnostics.all().empty());
  REQUIRE(bindings.bindings.size() == 1);
  CHECK(bindings.bindings[0].producers.empty());
}

TEST_CASE("Modules that read each other's outputs in a cycle are PRS019") {
  ir::ModuleGraph graph;
  ir::Module env = environment("env", {"VpcId"});
  env.upstreamModules = {"api"};
  graph.add(std::move(env));
  graph.add(instance({"env"}, {"VpcId"}));
  ir::Diagnostics diagnostics;
  ir::runBindUpstreamOutputs(graph, diagnostics);
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].ruleId == ir::kModuleCycleRule);
  CHECK(diagnostics.all()[0].message.find("env -> api -> env") != std::string::npos);
}
