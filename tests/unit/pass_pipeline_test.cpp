// The pass pipeline: the passes run in DESIGN.md order and fill the side tables.
#include "cloudformation_test_support.h"
#include "ir/pass_pipeline.h"

#include <doctest/doctest.h>

using namespace pm;

TEST_CASE("The passes run in the documented order") {
  CHECK(ir::passNames() ==
        std::vector<std::string_view>{"resolve-references", "bind-upstream-outputs", "check-types",
                                      "fold-conditions", "lint", "assign-identifiers"});
}

TEST_CASE("Running the pipeline reports from every pass and fills every side table") {
  ir::Diagnostics readerDiagnostics;
  auto module = frontend::readCloudFormation("t.yaml", R"(Parameters:
  vpc-cidr: {Type: String}
Conditions:
  Never: !Equals [a, b]
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Condition: Never
    Properties:
      QueueName: !Ref Missing
)",
                                             readerDiagnostics);
  REQUIRE(module);
  module->name = "env";
  ir::Diagnostics diagnostics;
  ir::ModuleGraph graph;
  graph.add(std::move(*module));
  ir::PassResults results;
  ir::runPasses(graph, diagnostics, results);
  std::vector<std::string> rules;
  for (const ir::Diagnostic& diagnostic : diagnostics.all())
    rules.push_back(diagnostic.ruleId);
  CHECK(rules == std::vector<std::string>{"PRS012", "PRS018"});
  REQUIRE(results.folded.find("env"));
  CHECK(results.folded.find("env")->truth("Never") == ir::Truth::False);
  REQUIRE(results.identifiers.find(ir::NamingTarget::Terraform, "env", ir::NamedKind::Input,
                                   "vpc-cidr"));
  CHECK(*results.identifiers.find(ir::NamingTarget::Terraform, "env", ir::NamedKind::Input,
                                  "vpc-cidr") == "vpc_cidr");
}
