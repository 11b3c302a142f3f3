// The SAM expansion pass: a template read from YAML, expanded, and checked resource by resource.
#include "cloudformation_test_support.h"
#include "ir/expr_text.h"
#include "ir/passes/expand_serverless.h"

#include <doctest/doctest.h>

using namespace pm;

namespace {

ir::Module expanded(const std::string& text, ir::Diagnostics& diagnostics) {
  auto read = test::readTemplate(text);
  REQUIRE(read.module);
  ir::Module module = *read.module;
  ir::expandServerless(module, diagnostics);
  return module;
}

std::string resourceList(const ir::Module& module) {
  std::string list;
  for (const ir::Resource& resource : module.resources)
    list += resource.logicalId + " " + resource.type + "\n";
  return list;
}

std::string property(const ir::Module& module, const char* logicalId, const char* key) {
  const ir::Resource* resource = module.findResource(logicalId);
  REQUIRE(resource);
  const ir::MapEntry* entry = resource->properties->find(key);
  return entry ? ir::exprText(entry->value, 100000) : "<absent>";
}

constexpr const char* kTemplate = R"(Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python3.12
    Timeout: 30
    Tracing: Active
Resources:
  Api:
    Type: AWS::Serverless::HttpApi
  Queue:
    Type: AWS::SQS::Queue
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: s3://code-bucket/app/v1.zip
      Handler: app.handler
      Timeout: 10
      Policies:
        - AWSLambdaVPCAccessExecutionRole
        - SQSSendMessagePolicy:
            QueueName: !GetAtt Queue.QueueName
      Events:
        Get:
          Type: HttpApi
          Properties:
            ApiId: !Ref Api
            Path: /items/{id}
            Method: get
        Work:
          Type: SQS
          Properties:
            Queue: !GetAtt Queue.Arn
            BatchSize: 5
        Nightly:
          Type: Schedule
          Properties:
            Schedule: rate(1 day)
            Enabled: false
  Table:
    Type: AWS::Serverless::SimpleTable
Outputs:
  FunctionName:
    Value: !Ref Fn
)";

} // namespace

TEST_CASE("sam expansion: a function, its role, events, the API and a table, with SAM's IDs") {
  ir::Diagnostics diagnostics;
  ir::Module module = expanded(kTemplate, diagnostics);
  CHECK_FALSE(diagnostics.hasErrors());
  CHECK(diagnostics.all().empty());
  CHECK(resourceList(module) == R"(Queue AWS::SQS::Queue
Fn AWS::Lambda::Function
FnGetPermission AWS::Lambda::Permission
FnGetIntegration AWS::ApiGatewayV2::Integration
FnGetRoute AWS::ApiGatewayV2::Route
FnWork AWS::Lambda::EventSourceMapping
FnNightly AWS::Events::Rule
FnNightlyPermission AWS::Lambda::Permission
FnRole AWS::IAM::Role
Table AWS::DynamoDB::Table
Api AWS::ApiGatewayV2::Api
ApiApiGatewayDefaultStage AWS::ApiGatewayV2::Stage
)");
  CHECK(module.transforms.empty());
  CHECK(module.otherSections.empty()); // Globals were merged
  CHECK(property(module, "Fn", "Code") == R"({S3Bucket: "code-bucket", S3Key: "app/v1.zip"})");
  CHECK(property(module, "Fn", "Timeout") == "10"); // the function's own value wins
  CHECK(property(module, "Fn", "Runtime") == "\"python3.12\"");
  CHECK(property(module, "Fn", "Role") == "!GetAtt FnRole.Arn");
  CHECK(property(module, "Fn", "TracingConfig") == R"({Mode: "Active"})");
  CHECK(
      property(module, "FnRole", "ManagedPolicyArns") ==
      R"([!Sub "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", )"
      R"(!Sub "arn:${AWS::Partition}:iam::aws:policy/AWSXrayWriteOnlyAccess", )"
      R"(!Sub "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole", )"
      R"(!Sub "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole"])");
  CHECK(property(module, "FnRole", "Policies").find(R"(PolicyName: "FnRolePolicy1")") !=
        std::string::npos);
  CHECK(property(module, "FnGetRoute", "RouteKey") == R"(!Join [" ", ["GET", "/items/{id}"]])");
  CHECK(property(module, "FnGetPermission", "SourceArn").find(R"(/*/GET", "/items/*"])") !=
        std::string::npos);
  CHECK(property(module, "FnWork", "BatchSize") == "5");
  CHECK(property(module, "FnNightly", "State") == "\"DISABLED\"");
  CHECK(property(module, "Table", "BillingMode") == "\"PAY_PER_REQUEST\"");
  CHECK(property(module, "Api", "Name") == "!Ref AWS::StackName");
}

TEST_CASE("sam expansion: what the pass does not know is reported, not dropped silently") {
  ir::Diagnostics diagnostics;
  ir::Module module = expanded(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      InlineCode: "def handler(e, c): pass"
      Handler: index.handler
      Runtime: python3.12
      AutoPublishAlias: live
      Events:
        Bucket:
          Type: S3
          Properties:
            Bucket: !Ref Data
  State:
    Type: AWS::Serverless::StateMachine
)",
                               diagnostics);
  std::string messages;
  for (const ir::Diagnostic& diagnostic : diagnostics.all())
    messages += diagnostic.location.str() + " " + diagnostic.message + "\n";
  CHECK(messages == "t.yaml:9:7 the function property AutoPublishAlias is not expanded like the "
                    "SAM transform would: it is left out\n"
                    "t.yaml:12:11 the S3 event Bucket is not expanded like the SAM transform "
                    "would: it is left out\n"
                    "t.yaml:16:11 the resource type AWS::Serverless::StateMachine is not expanded "
                    "like the SAM transform would: it is left out\n");
  CHECK(property(module, "Fn", "Code") == R"({ZipFile: "def handler(e, c): pass"})");
}
