// Stack dumps (--stack-dump): the three AWS CLI outputs, separate or merged, and the retain
// template made of the deployed template.
#include "frontend/bundle/stack_dump.h"
#include "frontend/cloudformation/retain_policies.h"
#include "temp_tree.h"

#include <doctest/doctest.h>

using namespace pm;

namespace {

std::string fixture(const std::string& relative) {
  return std::string(PM_SOURCE_DIR) + "/fixtures/stack-dumps/" + relative;
}

std::string firstMessage(const ir::Diagnostics& diagnostics) {
  return diagnostics.all().empty()
             ? ""
             : diagnostics.all().front().location.str() + " " + diagnostics.all().front().message;
}

} // namespace

TEST_CASE("stack dump: separate describe-stacks, describe-stack-resources and get-template files "
          "join into one stack") {
  ir::Diagnostics diagnostics;
  std::vector<frontend::StackDump> dumps;
  for (const char* file :
       {"env-vpc-cfn.json", "env-vpc-cfn-resources.json", "env-vpc-cfn-template.json"}) {
    auto dump = frontend::readStackDump(fixture(file), diagnostics);
    REQUIRE(dump);
    dumps.push_back(*dump);
  }
  auto merged = frontend::mergeStackDumps(dumps, diagnostics);
  CHECK_FALSE(diagnostics.hasErrors());
  REQUIRE(merged.size() == 1);
  const frontend::StackDump& stack = merged.front();
  CHECK(stack.stackName == "AWSProton-env-cloudformation-x7k2p9");
  CHECK(frontend::stackTag(stack, "aws:proton:environment") ==
        "arn:aws:proton:us-east-1:123456789012:environment/env");
  REQUIRE(stack.resources.size() == 31);
  CHECK(stack.resources[2].logicalId == "GatewayAttachment");
  CHECK(stack.resources[2].physicalId == "IGW|vpc-0a1b2c3d4e5f60718");
  CHECK(stack.resources[2].type == "AWS::EC2::VPCGatewayAttachment");
  CHECK(stack.resources[2].location.line > 1);
  CHECK(stack.templateBody.starts_with("AWSTemplateFormatVersion: '2010-09-09'\n"));
}

TEST_CASE("stack dump: one merged file, TemplateBody given as an object") {
  test::TempTree tree;
  ir::Diagnostics diagnostics;
  auto dump = frontend::readStackDump(tree.write("merged.json", R"({
  "TemplateBody": {"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}},
  "Stacks": [{"StackName": "AWSProton-svc-inst-abc", "Tags": [
    {"Key": "aws:proton:service-instance",
     "Value": "arn:aws:proton:us-east-1:123456789012:service/svc/service-instance/inst"}]}],
  "StackResources": [{"StackName": "AWSProton-svc-inst-abc", "LogicalResourceId": "Queue",
    "PhysicalResourceId": "https://sqs.us-east-1.amazonaws.com/123456789012/q",
    "ResourceType": "AWS::SQS::Queue"}]
}
)"),
                                      diagnostics);
  REQUIRE(dump);
  CHECK(dump->stackName == "AWSProton-svc-inst-abc");
  CHECK(dump->resources.size() == 1);
  CHECK(dump->templateBody.find("\"Queue\"") != std::string::npos);
}

TEST_CASE("stack dump: bad input is located and rejected") {
  test::TempTree tree;
  struct Case {
    const char* text;
    const char* expected; // the start of the first diagnostic, after the file name
  };
  const Case cases[] = {
      {"{\n  \"Stacks\": [\n", ":3:1"},
      {"{\"Other\": 1}\n", ":1:1 a stack dump holds TemplateBody"},
      {"{\"Stacks\": [{}, {}]}\n", ":1:2 Stacks must list exactly one stack"},
      {"{\n\"StackResources\": [\n {\"LogicalResourceId\": \"A\", \"ResourceType\": \"T\"}]}\n",
       ":3:24 a StackResources entry needs"},
      {"{\"TemplateBody\": 3}\n", ":1:2 TemplateBody must be"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    ir::Diagnostics diagnostics;
    std::string path = tree.write("bad.json", c.text);
    CHECK_FALSE(frontend::readStackDump(path, diagnostics));
    CHECK(diagnostics.hasErrors());
    CHECK(firstMessage(diagnostics).starts_with(path + c.expected));
  }
}

TEST_CASE("stack dump: a dump naming no stack is ambiguous among several stacks") {
  ir::Diagnostics diagnostics;
  frontend::StackDump a, b, anonymous;
  a.stackName = "A";
  b.stackName = "B";
  anonymous.path = "template.json";
  anonymous.templateBody = "Resources: {}\n";
  auto merged = frontend::mergeStackDumps({a, b, anonymous}, diagnostics);
  CHECK(merged.size() == 2);
  CHECK(diagnostics.hasErrors());
}

TEST_CASE("retain template: YAML keeps its lines and tags, each resource gets both policies") {
  ir::Diagnostics diagnostics;
  auto retained = frontend::withRetainPolicies("t.yaml", R"(Resources:
  # the bucket
  Bucket:   # data
    Type: AWS::S3::Bucket
    DeletionPolicy: Delete
    Properties:
      BucketName: !Sub '${AWS::StackName}-data'
  Queue:
    Type: AWS::SQS::Queue
Outputs:
  Name:
    Value: !Ref Bucket
)",
                                               diagnostics);
  REQUIRE(retained);
  CHECK(*retained == R"(Resources:
  # the bucket
  Bucket:   # data
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub '${AWS::StackName}-data'
  Queue:
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Type: AWS::SQS::Queue
Outputs:
  Name:
    Value: !Ref Bucket
)");
}

TEST_CASE("retain template: JSON is re-printed with the policies; no Resources is an error") {
  ir::Diagnostics diagnostics;
  auto retained = frontend::withRetainPolicies(
      "t.json", R"({"Resources": {"Q": {"Type": "AWS::SQS::Queue", "DeletionPolicy": "Delete"}}})",
      diagnostics);
  REQUIRE(retained);
  CHECK(*retained == R"({
  "Resources": {
    "Q": {
      "Type": "AWS::SQS::Queue",
      "DeletionPolicy": "Retain",
      "UpdateReplacePolicy": "Retain"
    }
  }
}
)");
  CHECK_FALSE(frontend::withRetainPolicies("t.yaml", "Outputs: {}\n", diagnostics));
  CHECK(diagnostics.hasErrors());
}
