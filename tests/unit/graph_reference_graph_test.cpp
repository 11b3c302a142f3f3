// The reference graph in DOT, Mermaid and JSON, and the model summary, on a small template.
#include "backends/report/reference_graph.h"
#include "cloudformation_test_support.h"

#include <doctest/doctest.h>
#include <rapidjson/document.h>

using namespace pm;

namespace {

ir::Module smallModule() {
  auto result = test::readTemplate(R"(Parameters:
  Env: {Type: String, Default: dev}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Condition: IsProd
    Properties:
      QueueName: !Sub '${AWS::StackName}-${Env}'
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      Arn: !GetAtt Queue.Arn
      Other: !Ref Ghost
Outputs:
  TopicArn:
    Value: !Ref Topic
)");
  REQUIRE(result.module);
  result.module->name = "small";
  return std::move(*result.module);
}

} // namespace

TEST_CASE("The DOT graph lists nodes and labelled edges, unresolved ones dashed") {
  std::string dot = report::writeReferenceGraph(smallModule(), report::GraphFormat::Dot);
  CHECK(dot == R"(digraph "small" {
  rankdir=LR;
  node [fontname="Helvetica"];
  edge [fontname="Helvetica"];
  "input:Env" [label="Env\ninput", shape=ellipse];
  "condition:IsProd" [label="IsProd\ncondition", shape=diamond];
  "resource:Queue" [label="Queue\nAWS::SQS::Queue", shape=box];
  "resource:Topic" [label="Topic\nAWS::SNS::Topic", shape=box];
  "output:TopicArn" [label="TopicArn\noutput", shape=note];
  "pseudo:AWS::StackName" [label="AWS::StackName\npseudo parameter", shape=plaintext];
  "unresolved:Ghost" [label="Ghost\nunresolved", shape=box, style=dashed, color=red];
  "resource:Queue" -> "pseudo:AWS::StackName" [label="Sub"];
  "resource:Queue" -> "input:Env" [label="Sub"];
  "resource:Queue" -> "condition:IsProd" [label="Condition"];
  "resource:Topic" -> "resource:Queue" [label="GetAtt Arn"];
  "resource:Topic" -> "unresolved:Ghost" [label="Ref", style=dashed, color=red];
  "output:TopicArn" -> "resource:Topic" [label="Ref"];
  "condition:IsProd" -> "input:Env" [label="Ref"];
}
)");
}

TEST_CASE("The Mermaid graph numbers nodes and labels edges") {
  std::string mermaid = report::writeReferenceGraph(smallModule(), report::GraphFormat::Mermaid);
  CHECK(mermaid.starts_with("flowchart LR\n  n0([\"Env<br/>input\"])\n"));
  CHECK(mermaid.find("  n2[\"Queue<br/>AWS::SQS::Queue\"]\n") != std::string::npos);
  CHECK(mermaid.find("  n3 -->|\"GetAtt Arn\"| n2\n") != std::string::npos);
  CHECK(mermaid.find("  n6[\"Ghost<br/>unresolved\"]:::unresolved\n") != std::string::npos);
  CHECK(mermaid.find("  n3 -.->|\"Ref\"| n6\n") != std::string::npos);
}

TEST_CASE("The JSON graph marks unresolved targets and is indented by two spaces") {
  std::string json = report::writeReferenceGraph(smallModule(), report::GraphFormat::Json);
  CHECK(json.starts_with("{\n  \"module\": \"small\",\n  \"nodes\": [\n    {\n"));
  rapidjson::Document document;
  document.Parse(json.c_str());
  REQUIRE_FALSE(document.HasParseError());
  CHECK(document["nodes"].Size() == 7);
  const auto& edges = document["edges"];
  REQUIRE(edges.Size() == 7);
  CHECK(std::string(edges[3]["kind"].GetString()) == "GetAtt");
  CHECK(std::string(edges[3]["attribute"].GetString()) == "Arn");
  CHECK(std::string(edges[3]["location"].GetString()) == "t.yaml:14:12");
  CHECK(edges[3]["resolved"].GetBool());
  CHECK_FALSE(edges[4]["resolved"].GetBool());
  CHECK(std::string(edges[4]["to"].GetString()) == "unresolved:Ghost");
}

TEST_CASE("The graph is the same every time it is written") {
  ir::Module module = smallModule();
  for (auto format :
       {report::GraphFormat::Dot, report::GraphFormat::Mermaid, report::GraphFormat::Json})
    CHECK(report::writeReferenceGraph(module, format) ==
          report::writeReferenceGraph(module, format));
}

TEST_CASE("The model summary lists inputs, conditions, mappings, resources and outputs") {
  CHECK(report::writeModelSummary(smallModule()) == R"(template small (t.yaml)
inputs (1):
  Env: String, default "dev"
conditions (1):
  IsProd = !Equals [!Ref Env, "prod"]
mappings (0):
resources (2):
  Queue: AWS::SQS::Queue (condition IsProd)
  Topic: AWS::SNS::Topic
outputs (1):
  TopicArn = !Ref Topic
)");
}
