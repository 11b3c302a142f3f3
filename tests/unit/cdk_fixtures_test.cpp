// The cdk target on the project's fixture bundles, in process: each converts in both modes
// without an error and yields a complete app whose stacks keep the rendered logical IDs.
#include "temp_tree.h"
#include "tools/proton-migrate/main_program.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

std::string fixture(const std::string& relative) {
  return std::string(PM_SOURCE_DIR) + "/fixtures/" + relative;
}

struct CdkFixture {
  const char* bundle;
  std::vector<std::string> sideFiles; // --spec, --env-outputs, ... arguments
  const char* expectedText;           // a line a stack must hold
};

int convert(const CdkFixture& entry, const std::string& mode, const std::string& out,
            std::string& err) {
  std::vector<std::string> arguments{
      "convert", fixture(entry.bundle), "--to", "cdk", "--mode", mode, "-o", out};
  for (const std::string& argument : entry.sideFiles)
    arguments.push_back(argument.starts_with("--") ? argument : fixture(argument));
  std::ostringstream outStream, errStream;
  int code = pm::driver::runProgram(arguments, outStream, errStream);
  err = errStream.str();
  return code;
}

std::string allStacks(const std::string& root) {
  std::string text;
  for (const auto& entry : std::filesystem::directory_iterator(root + "/lib")) {
    std::ifstream in(entry.path());
    std::ostringstream content;
    content << in.rdbuf();
    text += content.str();
  }
  return text;
}

} // namespace

TEST_CASE("The cdk target converts every CloudFormation fixture in both modes") {
  const std::vector<CdkFixture> fixtures{
      {"env-vpc-cfn", {"--spec", "env-vpc-cfn/spec/spec.yaml"}, "cdk.aws_ec2.CfnVPC(this, 'VPC'"},
      {"svc-sqs-json",
       {"--spec", "svc-sqs-json/spec/spec.yaml", "--env-outputs",
        "svc-sqs-json/spec/env-outputs.json"},
       "cdk.aws_sqs.CfnQueue"},
      {"svc-ecs-pipeline",
       {"--spec", "svc-ecs-pipeline/spec/spec.yaml", "--env-outputs",
        "svc-ecs-pipeline/spec/env-outputs.yaml"},
       "cdk.aws_ecs.CfnService"},
      {"component-s3-queue",
       {"--spec", "component-s3-queue/spec/spec.yaml", "--context", "service.name=svc1"},
       "cdk.aws_s3.CfnBucket"},
  };
  for (const CdkFixture& entry : fixtures) {
    for (const std::string mode : {"rendered", "parametric"}) {
      CAPTURE(entry.bundle);
      CAPTURE(mode);
      pm::test::TempTree out;
      std::string err;
      CHECK_MESSAGE(convert(entry, mode, out.path("app"), err) == 0, err);
      for (const char* file : {"bin/app.ts", "package.json", "cdk.json", "tsconfig.json"})
        CHECK(std::filesystem::exists(out.path("app/" + std::string(file))));
      if (std::filesystem::exists(out.path("app/lib")))
        CHECK(allStacks(out.path("app")).find(entry.expectedText) != std::string::npos);
    }
  }
}

TEST_CASE("Parametric stacks print inputs as Jinja does and keep CDK's names free") {
  const std::vector<CdkFixture> fixtures{
      {"env-vpc-cfn",
       {"--spec", "env-vpc-cfn/spec/spec.yaml"},
       "{ key: 'FlowLogs', value: `${(inputs.enableFlowLogs ? 'True' : 'False')}` },"},
      {"cdk-identifiers",
       {"--spec", "cdk-identifiers/spec/spec.yaml"},
       "readonly env2?: 'dev' | 'prod';"},
      {"cdk-identifiers",
       {"--spec", "cdk-identifiers/spec/spec.yaml"},
       "constructor(scope: Construct, id: string, props: CdkIdentifiersStackProps) {"},
      {"cdk-identifiers",
       {"--spec", "cdk-identifiers/spec/spec.yaml"},
       "debug: props.debug ?? 'True',"},
      {"cdk-identifiers",
       {"--spec", "cdk-identifiers/spec/spec.yaml"},
       "const logs = new cdk.aws_logs.CfnLogGroup(this, 'Logs', {"},
      {"cdk-identifiers",
       {"--spec", "cdk-identifiers/spec/spec.yaml"},
       "'AWS::CloudFormation::Init': {"},
  };
  for (const CdkFixture& entry : fixtures) {
    CAPTURE(entry.expectedText);
    pm::test::TempTree out;
    std::string err;
    REQUIRE_MESSAGE(convert(entry, "parametric", out.path("app"), err) == 0, err);
    CHECK(allStacks(out.path("app")).find(entry.expectedText) != std::string::npos);
  }
}
