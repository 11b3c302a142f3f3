// The cdk target: stacks with typed L1 constructs, every CloudFormation section and attribute
// kept, and parametric mode's props, guards and loops.
#include "backends/backend.h"
#include "backends/cdk/cdk_classes.h"
#include "backends/cdk/expression_writer.h"
#include "cloudformation_test_support.h"
#include "ir/pass_pipeline.h"

#include <doctest/doctest.h>

using namespace pm;

namespace {

struct Emitted {
  ir::Diagnostics diagnostics;
  backends::OutputTree tree;

  const std::string& file(const std::string& path) const { return tree.files().at(path); }
  bool reported(const std::string& rule) const {
    for (const ir::Diagnostic& diagnostic : diagnostics.all())
      if (diagnostic.ruleId == rule)
        return true;
    return false;
  }
};

void emit(backends::ConversionModel& model, Emitted& result) {
  ir::runPasses(model.modules, result.diagnostics, model.passes);
  backends::makeBackend("cdk")->emit(model, result.tree, result.diagnostics);
}

Emitted emitTemplate(const std::string& text, const std::string& name = "env") {
  Emitted result;
  auto module = frontend::readCloudFormation("t.yaml", text, result.diagnostics);
  REQUIRE(module);
  module->name = name;
  backends::ConversionModel model;
  model.bundleName = "bundle";
  model.mode = backends::ConversionMode::Rendered;
  model.modules.add(std::move(*module));
  emit(model, result);
  return result;
}

bool contains(const std::string& text, const std::string& part) {
  bool found = text.find(part) != std::string::npos;
  if (!found)
    MESSAGE("not found: " << part << "\nin:\n" << text);
  return found;
}

ir::ExprPtr str(std::string text) {
  return ir::Expr::string(std::move(text), {});
}

} // namespace

TEST_CASE("The cdk backend writes a complete app with one stack per module") {
  Emitted result = emitTemplate(R"(Resources:
  Queue:
    Type: AWS::SQS::Queue
)");
  for (const char* path :
       {"bin/app.ts", "package.json", "cdk.json", "tsconfig.json", "README.md", "lib/env-stack.ts"})
    CHECK(result.tree.files().count(path) == 1);
  CHECK(contains(result.file("package.json"), "\"aws-cdk-lib\": \"2.276.0\""));
  CHECK(contains(result.file("tsconfig.json"), "\"strict\": true"));
  CHECK(contains(result.file("bin/app.ts"), "import { EnvStack } from '../lib/env-stack';"));
  CHECK(contains(result.file("bin/app.ts"), "generateBootstrapVersionRule: false"));
  CHECK(contains(result.file("bin/app.ts"), "analyticsReporting: false"));
  CHECK(contains(result.file("lib/env-stack.ts"),
                 "const queue = new cdk.aws_sqs.CfnQueue(this, 'Queue');"));
}

TEST_CASE("CDK L1 props are the CloudFormation names in camelCase, nested types too") {
  Emitted result = emitTemplate(R"(Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub '${AWS::StackName}-data'
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault: {SSEAlgorithm: AES256}
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: '30'
      Tags: [{Key: team, Value: !Ref AWS::Region}]
)");
  const std::string& stack = result.file("lib/env-stack.ts");
  CHECK(contains(stack, "bucketName: cdk.Fn.sub('${AWS::StackName}-data')"));
  CHECK(contains(stack, "serverSideEncryptionByDefault: { sseAlgorithm: 'AES256' }"));
  CHECK(contains(stack, "visibilityTimeout: 30"));
  CHECK(contains(stack, "tags: [{ key: 'team', value: cdk.Aws.REGION }]"));
  CHECK_FALSE(result.diagnostics.hasErrors());
}

TEST_CASE("Intrinsics inside tokens keep their CloudFormation keys") {
  Emitted result = emitTemplate(R"(Conditions:
  IsProd: !Equals [!Ref 'AWS::Region', us-east-1]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: !If [IsProd, {Status: Enabled}, !Ref 'AWS::NoValue']
)");
  const std::string& stack = result.file("lib/env-stack.ts");
  CHECK(contains(stack, "const isProd = new cdk.CfnCondition(this, 'IsProd', {"));
  CHECK(contains(stack, "cdk.Fn.conditionEquals(cdk.Aws.REGION, 'us-east-1')"));
  CHECK(contains(stack, "versioningConfiguration: cdk.Fn.conditionIf('IsProd', { Status: "
                        "'Enabled' }, cdk.Aws.NO_VALUE)"));
}

TEST_CASE("Every resource attribute is kept") {
  Emitted result = emitTemplate(R"(Conditions:
  Always: !Equals [a, a]
Resources:
  Logs:
    Type: AWS::Logs::LogGroup
    Condition: Always
    DependsOn: Queue
    DeletionPolicy: Retain
    UpdateReplacePolicy: Snapshot
    Metadata:
      AWS::CloudFormation::Init: {config: {}}
  Queue:
    Type: AWS::SQS::Queue
    CreationPolicy: {ResourceSignal: {Count: 1}}
    UpdatePolicy: {AutoScalingReplacingUpdate: {WillReplace: true}}
)");
  const std::string& stack = result.file("lib/env-stack.ts");
  CHECK(contains(stack, "const logs = new cdk.aws_logs.CfnLogGroup(this, 'Logs');"));
  CHECK(contains(stack, "logs.cfnOptions.condition = always;"));
  CHECK(contains(stack, "logs.addOverride('DependsOn', ['Queue']);"));
  CHECK(contains(stack, "logs.cfnOptions.deletionPolicy = cdk.CfnDeletionPolicy.RETAIN;"));
  CHECK(contains(stack, "logs.cfnOptions.updateReplacePolicy = cdk.CfnDeletionPolicy.SNAPSHOT;"));
  CHECK(contains(stack,
                 "logs.cfnOptions.metadata = { 'AWS::CloudFormation::Init': { config: {} } };"));
  CHECK(contains(stack, "queue.addOverride('CreationPolicy', { ResourceSignal: { Count: 1 } });"));
  CHECK(contains(stack, "queue.addOverride('UpdatePolicy'"));
}

TEST_CASE("Parameters, mappings and outputs keep their names even when they equal a resource's") {
  Emitted result = emitTemplate(R"(Parameters:
  Env: {Type: String, Default: 'True', AllowedValues: ['True', 'False']}
Mappings:
  Queue: {us-east-1: {Size: 1}}
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !FindInMap [Queue, !Ref 'AWS::Region', Size]
Outputs:
  Queue:
    Value: !GetAtt Queue.Arn
    Export: {Name: !Sub '${AWS::StackName}-queue'}
)");
  const std::string& stack = result.file("lib/env-stack.ts");
  CHECK(contains(stack, "new cdk.CfnParameter(this, 'Env', {"));
  CHECK(contains(stack, "default: 'True'"));
  CHECK(contains(stack, "new cdk.CfnMapping(this, 'QueueMapping', { mapping: { 'us-east-1': { "
                        "Size: 1 } } }).overrideLogicalId('Queue');"));
  CHECK(contains(stack, "queueName: cdk.Fn.findInMap('Queue', cdk.Aws.REGION, 'Size')"));
  CHECK(contains(stack, "new cdk.CfnOutput(this, 'QueueOutput', {"));
  CHECK(contains(stack, "value: cdk.Token.asString(cdk.Fn.getAtt('Queue', 'Arn'))"));
  CHECK(contains(stack, "}).overrideLogicalId('Queue');"));
}

TEST_CASE("Unknown properties and types pass through with a warning") {
  Emitted result = emitTemplate(R"(Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      NotAProperty: 1
  Thing:
    Type: Vendor::Some::Thing
    Properties: {A: 1}
)");
  const std::string& stack = result.file("lib/env-stack.ts");
  CHECK(contains(stack, "queue.addPropertyOverride('NotAProperty', 1);"));
  CHECK(contains(stack, "new cdk.CfnResource(this, 'Thing', {"));
  CHECK(contains(stack, "type: 'Vendor::Some::Thing',"));
  CHECK(result.reported(backends::cdk::kCdkPropertyOverrideRule));
  CHECK(result.reported(backends::cdk::kCdkUntypedResourceRule));
  for (const ir::Diagnostic& diagnostic : result.diagnostics.all())
    if (diagnostic.ruleId.starts_with("CDK"))
      CHECK(diagnostic.severity != ir::Severity::Error);
}

TEST_CASE("A resource named like an import does not shadow it") {
  Emitted result = emitTemplate(R"(Resources:
  Cdk:
    Type: AWS::SQS::Queue
  Props:
    Type: AWS::SQS::Queue
)");
  const std::string& stack = result.file("lib/env-stack.ts");
  CHECK(contains(stack, "import * as cdk2 from 'aws-cdk-lib';"));
  CHECK(contains(stack, "const cdk = new cdk2.aws_sqs.CfnQueue(this, 'Cdk');"));
  // `props` is reserved for the constructor's parameter, so the resource gives way.
  CHECK(contains(stack, "const props2 = new cdk2.aws_sqs.CfnQueue(this, 'Props');"));
  CHECK(contains(stack, "props: EnvStackProps = {}"));
}

TEST_CASE("Intrinsics CDK would compute at synthesis stay calls in the template") {
  Emitted result = emitTemplate(R"(Transform: AWS::LanguageExtensions
Mappings:
  M:
    dev: {Size: small}
Resources:
  Param:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: !Join ['-', [a, !Select [0, [b, c]], !Select [1, !Split [',', 'd,e']]]]
      Description: !FindInMap [M, !Ref AWS::Region, Size, {DefaultValue: medium}]
      AllowedPattern: !ToJsonString {count: !Length [x, y]}
)");
  const std::string& stack = result.file("lib/env-stack.ts");
  CHECK(contains(stack, "value: cdk.Token.asString({ 'Fn::Join': ['-', ["));
  CHECK(contains(stack, "cdk.Token.asString({ 'Fn::Select': [0, ['b', 'c']] }),"));
  CHECK(contains(stack, "{ 'Fn::Split': [',', 'd,e'] }"));
  // Fn.findInMap with a default would add AWS::LanguageExtensions a second time.
  CHECK(contains(stack, "{ 'Fn::FindInMap': ['M', cdk.Aws.REGION, 'Size', { DefaultValue: "
                        "'medium' }] }"));
  CHECK(contains(stack, "cdk.Token.asNumber({ 'Fn::Length': ['x', 'y'] })"));
  CHECK_FALSE(result.diagnostics.hasErrors());
}

TEST_CASE("Core CloudFormation resources use the classes at the root of aws-cdk-lib") {
  Emitted result = emitTemplate(R"(Resources:
  Child:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: https://example.com/child.yaml
  Handle:
    Type: AWS::CloudFormation::WaitConditionHandle
)");
  const std::string& stack = result.file("lib/env-stack.ts");
  CHECK(contains(stack, "const child = new cdk.CfnStack(this, 'Child', {"));
  CHECK(contains(stack, "const handle = new cdk.CfnWaitConditionHandle(this, 'Handle');"));
}

TEST_CASE("Parametric inputs become typed props with their constraints checked") {
  Emitted result;
  ir::Module module;
  module.name = "svc";
  module.kind = ir::ModuleKind::ServiceInstance;
  ir::Input port;
  port.name = "port";
  port.type = ir::InputType::Number;
  port.defaultValue = ir::Expr::number("80", 80, {});
  port.minimum = 1;
  port.maximum = 65535;
  port.description = "The container port";
  module.inputs.push_back(port);
  ir::Input size;
  size.name = "size";
  size.allowedValues = {str("small"), str("large")};
  size.required = true;
  module.inputs.push_back(size);
  ir::Input name;
  name.name = "service.name";
  name.isContext = true;
  module.inputs.push_back(name);
  module.guards.push_back(
      {"Guard1",
       ir::Expr::call(ir::ExprKind::Equals, {ir::Expr::inputRef("size", {}), str("large")}, {}),
       {}});
  ir::Resource queue;
  queue.logicalId = "Queue";
  queue.type = "AWS::SQS::Queue";
  queue.properties = ir::Expr::map({{"DelaySeconds", {}, ir::Expr::inputRef("port", {})},
                                    {"QueueName", {}, ir::Expr::contextRef("service.name", {})},
                                    {"MaximumMessageSize",
                                     {},
                                     ir::Expr::guarded("Guard1", ir::Expr::number("2048", 2048, {}),
                                                       ir::Expr::ref("AWS::NoValue", {}), {})}},
                                   {});
  module.resources.push_back(queue);
  ir::Resource topic;
  topic.logicalId = "Topic";
  topic.type = "AWS::SNS::Topic";
  topic.guards = {{"Guard1", false}};
  module.resources.push_back(topic);
  ir::Resource perInstance;
  perInstance.logicalId = "Queue${loop.index}";
  perInstance.type = "AWS::SQS::Queue";
  perInstance.loop =
      ir::ResourceLoop{"service_instance", ir::Expr::contextRef("service_instances", {}), {}};
  perInstance.properties =
      ir::Expr::map({{"QueueName", {}, ir::Expr::loopItemRef("service_instance.name", {})}}, {});
  module.resources.push_back(perInstance);
  ir::Input instances;
  instances.name = "service_instances";
  instances.type = ir::InputType::List;
  instances.isContext = true;
  module.inputs.push_back(instances);

  backends::ConversionModel model;
  model.bundleName = "bundle";
  model.modules.add(std::move(module));
  ir::InputValues values;
  values.inputs["size"] = {"large", str("large")};
  values.context["service.name"] = {"api", str("api")};
  model.deployments.push_back({"svc", "api", "", values});
  emit(model, result);
  const std::string& stack = result.file("lib/svc-stack.ts");
  CHECK(contains(stack,
                 "   * The container port\n   * @default 80\n   */\n  readonly port?: number;"));
  CHECK(contains(stack, "readonly size: 'small' | 'large';"));
  CHECK(contains(stack, "port: props.port ?? 80,"));
  CHECK(contains(stack, "inputs.port > 65535"));
  CHECK(contains(stack, "!['small', 'large'].includes(inputs.size)"));
  CHECK(contains(stack, "const guard1 = jinjaEquals(inputs.size, 'large');"));
  CHECK(contains(stack, "delaySeconds: inputs.port,"));
  CHECK(contains(stack, "queueName: inputs.serviceName,"));
  CHECK(contains(stack, "maximumMessageSize: (guard1 ? 2048 : undefined),"));
  CHECK(contains(stack,
                 "if (!guard1) {\n      const topic = new cdk.aws_sns.CfnTopic(this, 'Topic');"));
  CHECK(contains(stack, "for (const [serviceInstanceIndex, serviceInstance] of "
                        "(inputs.serviceInstances as any[]).entries()) {"));
  CHECK(contains(stack, "(this, `Queue${(serviceInstanceIndex + 1)}`, {"));
  CHECK(contains(stack, "queueName: serviceInstance.name,"));
  const std::string& app = result.file("bin/app.ts");
  CHECK(contains(app, "new SvcStack(app, 'Api', {"));
  CHECK(contains(app, "size: 'large',"));
  CHECK(contains(app, "serviceName: 'api',"));
  CHECK_FALSE(result.diagnostics.hasErrors());
}

TEST_CASE("Template sections CDK has no construct for are built where the inputs are in scope") {
  Emitted result;
  ir::Module module;
  module.name = "svc";
  module.kind = ir::ModuleKind::ServiceInstance;
  ir::Input runtime;
  runtime.name = "runtime";
  runtime.defaultValue = str("python3.12");
  module.inputs.push_back(runtime);
  ir::Resource topic;
  topic.logicalId = "Topic";
  topic.type = "AWS::SNS::Topic";
  module.resources.push_back(topic);
  module.otherSections.push_back(
      {"Globals",
       {},
       ir::Expr::map({{"Function",
                       {},
                       ir::Expr::map({{"Runtime", {}, ir::Expr::inputRef("runtime", {})}}, {})}},
                     {})});
  backends::ConversionModel model;
  model.bundleName = "bundle";
  model.modules.add(std::move(module));
  model.deployments.push_back({"svc", "api", "", {}});
  emit(model, result);
  const std::string& stack = result.file("lib/svc-stack.ts");
  std::size_t section = stack.find("this.templateSections['Globals'] = ");
  std::size_t override = stack.find("protected _toCloudFormation()");
  REQUIRE(section != std::string::npos);
  REQUIRE(override != std::string::npos);
  CHECK(section < override); // in the constructor, not in the override
  CHECK(contains(stack, "{ Function: { Runtime: inputs.runtime } };"));
  CHECK(contains(stack, "template[section] = this.resolve(value);"));
}

TEST_CASE("The CDK class table knows the L1 classes and their nested types") {
  const auto& classes = backends::cdk::CdkClasses::instance();
  REQUIRE(classes.loadError().empty());
  const backends::cdk::CdkClass* bucket = classes.find("AWS::S3::Bucket");
  REQUIRE(bucket);
  CHECK(bucket->module == "aws_s3");
  CHECK(bucket->className == "CfnBucket");
  REQUIRE(bucket->props->find("BucketName"));
  CHECK(bucket->props->find("BucketName")->name == "bucketName");
  REQUIRE(classes.find("AWS::Serverless::Function"));
  CHECK(classes.find("AWS::Serverless::Function")->module == "aws_sam");
}
