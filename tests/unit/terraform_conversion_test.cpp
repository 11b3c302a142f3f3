// Whole modules through the terraform backend: parametric references, guards, loops,
// conditions, DependsOn and DeletionPolicy, on hand-built modules.
#include "backends/backend.h"
#include "terraform_module_support.h"

#include <doctest/doctest.h>

using namespace pm;
using test::map;
using test::str;
using test::writeTerraform;
using test::WrittenModule;

namespace {

// "${name}-logs" where name is an input.
ir::ExprPtr concatenation(const char* input, const char* suffix) {
  ir::SubTemplate sub;
  sub.parts.push_back(ir::SubPart{ir::SubPart::Kind::Variable, "", "v1", "", {}});
  sub.parts.push_back(ir::SubPart{ir::SubPart::Kind::Text, suffix, "", "", {}});
  sub.variables.push_back(ir::MapEntry{"v1", {}, ir::Expr::inputRef(input, {})});
  return ir::Expr::sub(std::move(sub), {});
}

ir::Module sampleModule() {
  ir::Module module;
  module.kind = ir::ModuleKind::ServiceInstance;
  module.name = "svc";
  ir::Input name;
  name.name = "bucket_name";
  name.description = "The bucket's name";
  name.defaultValue = str("data");
  name.minLength = 3;
  name.maxLength = 63;
  name.pattern = "^[a-z-]+$";
  module.inputs.push_back(name);
  ir::Input size;
  size.name = "size";
  size.type = ir::InputType::Number;
  size.allowedValues = {ir::Expr::number("1", 1, {}), ir::Expr::number("2", 2, {})};
  size.minimum = 1;
  size.maximum = 2;
  size.required = true;
  module.inputs.push_back(size);
  ir::Input context;
  context.name = "service.name";
  context.isContext = true;
  module.inputs.push_back(context);
  module.guards.push_back(ir::GuardVariable{"Guard1", ir::Expr::inputRef("bucket_name", {}), {}});

  ir::Resource bucket;
  bucket.logicalId = "Bucket";
  bucket.type = "AWS::S3::Bucket";
  bucket.properties =
      map({{"BucketName", concatenation("bucket_name", "-logs")},
           {"Tags", ir::Expr::list({map({{"Key", str("service")},
                                         {"Value", ir::Expr::contextRef("service.name", {})}})},
                                   {})}});
  bucket.deletionPolicy = str("Retain");
  bucket.guards.push_back(ir::Guard{"Guard1", true});
  module.resources.push_back(bucket);

  ir::Resource queue;
  queue.logicalId = "Queue";
  queue.type = "AWS::SQS::Queue";
  queue.properties =
      map({{"QueueName", ir::Expr::loopItemRef("service_instance.name", {})},
           {"DelaySeconds", ir::Expr::upstreamOutputRef({"environment", "Delay"}, {})}});
  queue.loop =
      ir::ResourceLoop{"service_instance", ir::Expr::contextRef("service_instances", {}), {}};
  queue.dependsOn.push_back(ir::LocatedName{"Bucket", {}});
  module.resources.push_back(queue);

  ir::Output output;
  output.name = "BucketArn";
  output.value = ir::Expr::getAtt(ir::GetAttTarget{"Bucket", "Arn", nullptr, false}, {});
  module.outputs.push_back(output);
  return module;
}

} // namespace

TEST_CASE("a parametric module becomes variables with validation, count, for_each and outputs") {
  ir::Module module = sampleModule();
  WrittenModule written;
  writeTerraform(module, written, "modules/svc");
  CHECK_FALSE(written.diagnostics.hasErrors());
  CHECK(written.counts.curated == 2);
  const auto& files = written.tree.files();
  CHECK(files.at("modules/svc/main.tf") == R"(locals {
  guard1 = coalesce(tostring(var.bucket_name), "") != ""
}

resource "aws_s3_bucket" "bucket" {
  count = local.guard1 ? 1 : 0

  bucket = "${var.bucket_name}-logs"
  tags = {
    service = var.service_name
  }

  # DeletionPolicy Retain: CloudFormation kept the resource when the stack or the
  # resource was deleted. Terraform refuses to destroy it instead; remove this
  # block (or the resource from the state) to let it go.
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_sqs_queue" "queue" {
  for_each = { for service_instance in var.service_instances : service_instance.name => service_instance }

  name          = each.value.name
  delay_seconds = var.environment_delay

  depends_on = [aws_s3_bucket.bucket]
}
)");
  CHECK(files.at("modules/svc/outputs.tf") == R"(output "bucket_arn" {
  value = aws_s3_bucket.bucket[0].arn
}
)");
  const std::string& variables = files.at("modules/svc/variables.tf");
  CHECK(variables.find(R"(variable "size" {
  type = number
  validation {
    condition     = contains([1, 2], var.size)
    error_message = "The value of size must be one of 1, 2."
  }
  validation {
    condition     = var.size >= 1 && var.size <= 2
    error_message = "The value of size must be between 1 and 2."
  }
})") != std::string::npos);
  CHECK(variables.find(R"(variable "bucket_name" {
  description = "The bucket's name"
  type        = string
  default     = "data"
  validation {
    condition     = can(regex("^[a-z-]+$", var.bucket_name))
    error_message = "The value of bucket_name must match the pattern ^[a-z-]+$."
  }
  validation {
    condition     = length(var.bucket_name) >= 3 && length(var.bucket_name) <= 63
    error_message = "The length of bucket_name must be between 3 and 63."
  }
})") != std::string::npos);
  CHECK(variables.find(R"(variable "environment_delay" {)") != std::string::npos);
  CHECK(variables.find(R"(variable "service_name" {)") != std::string::npos);
}

TEST_CASE("a type neither the aws table nor awscc covers is an error naming it") {
  ir::Module module;
  module.name = "m";
  ir::Resource resource;
  resource.logicalId = "Thing";
  resource.type = "Custom::Thing";
  module.resources.push_back(resource);
  WrittenModule written;
  writeTerraform(module, written);
  REQUIRE(written.diagnostics.hasErrors());
  CHECK(written.diagnostics.all().front().message.find("Custom::Thing") != std::string::npos);
  CHECK(written.counts.unmapped == 1);
}

TEST_CASE("CloudFormation conditions become locals and Fn::If a conditional") {
  ir::Module module;
  module.name = "m";
  ir::Input env;
  env.name = "Env";
  env.cloudFormationType = "String";
  module.inputs.push_back(env);
  module.conditions.push_back(ir::Condition{
      "IsProd",
      ir::Expr::call(ir::ExprKind::Equals, {ir::Expr::ref("Env", {}), str("prod")}, {}),
      {}});
  ir::Resource topic;
  topic.logicalId = "Topic";
  topic.type = "AWS::SNS::Topic";
  topic.properties =
      map({{"DisplayName",
            ir::Expr::ifThen("IsProd", str("p"), ir::Expr::ref("AWS::NoValue", {}), {})}});
  topic.condition = ir::LocatedName{"IsProd", {}};
  module.resources.push_back(topic);
  WrittenModule written;
  writeTerraform(module, written);
  CHECK_FALSE(written.diagnostics.hasErrors());
  CHECK(written.tree.files().at("modules/m/main.tf") == R"(locals {
  is_prod = var.env == "prod"
}

resource "aws_sns_topic" "topic" {
  count = local.is_prod ? 1 : 0

  display_name = local.is_prod ? "p" : null
}
)");
}

TEST_CASE("a parameter defaulting to the schema input of its name is one variable") {
  ir::Module module;
  module.name = "m";
  ir::Input schemaInput;
  schemaInput.name = "Ami";
  schemaInput.defaultValue = str("ami-1");
  module.inputs.push_back(schemaInput);
  ir::Input parameter;
  parameter.name = "Ami";
  parameter.cloudFormationType = "String";
  parameter.defaultValue = ir::Expr::inputRef("Ami", {});
  module.inputs.push_back(parameter);
  WrittenModule written;
  writeTerraform(module, written);
  CHECK(written.tree.files().at("modules/m/variables.tf") == R"(variable "ami" {
  type    = string
  default = "ami-1"
}
)");
}

TEST_CASE("a concatenation with quotes in its text becomes join() of plain strings") {
  ir::Module module;
  module.name = "m";
  ir::Input arn;
  arn.name = "arn";
  module.inputs.push_back(arn);
  ir::SubTemplate sub;
  sub.parts.push_back(ir::SubPart{ir::SubPart::Kind::Text, "{\"ping\":\"", "", "", {}});
  sub.parts.push_back(ir::SubPart{ir::SubPart::Kind::Variable, "", "v", "", {}});
  sub.parts.push_back(ir::SubPart{ir::SubPart::Kind::Text, "\"}", "", "", {}});
  sub.variables.push_back(ir::MapEntry{"v", {}, ir::Expr::inputRef("arn", {})});
  ir::Resource topic;
  topic.logicalId = "Topic";
  topic.type = "AWS::SNS::Topic";
  topic.properties = map({{"DisplayName", ir::Expr::sub(std::move(sub), {})}});
  module.resources.push_back(topic);
  WrittenModule written;
  writeTerraform(module, written);
  CHECK(written.tree.files().at("modules/m/main.tf") == R"(resource "aws_sns_topic" "topic" {
  display_name = join("", ["{\"ping\":\"", var.arn, "\"}"])
}
)");
}

TEST_CASE("dynamic references read SSM parameters and Secrets Manager secrets") {
  ir::Module module;
  module.name = "m";
  ir::DynamicReferenceText text;
  text.source = "{{resolve:secretsmanager:db:SecretString:password}}";
  text.segments.push_back(
      ir::DynamicReferenceSegment{true, text.source, "secretsmanager", "db:SecretString:password"});
  ir::Resource topic;
  topic.logicalId = "Topic";
  topic.type = "AWS::SNS::Topic";
  topic.properties = map({{"DisplayName", ir::Expr::dynamicReference(text, {})}});
  module.resources.push_back(topic);
  WrittenModule written;
  writeTerraform(module, written);
  CHECK_FALSE(written.diagnostics.hasErrors());
  CHECK(written.tree.files().at("modules/m/main.tf") ==
        R"(data "aws_secretsmanager_secret_version" "db" {
  secret_id = "db"
}

resource "aws_sns_topic" "topic" {
  display_name = jsondecode(data.aws_secretsmanager_secret_version.db.secret_string)["password"]
}
)");
}

TEST_CASE("a Jinja loop over list items becomes a for expression, over blocks a dynamic block") {
  ir::Module module;
  module.name = "m";
  ir::Resource project;
  project.logicalId = "Build";
  project.type = "AWS::CodeBuild::Project";
  ir::ExprPtr variable = map({{"Name", ir::Expr::loopItemRef("instance.name", {})},
                              {"Value", ir::Expr::loopItemRef("loop.index", {})}});
  ir::ExprPtr instances = ir::Expr::contextRef("service_instances", {});
  project.properties = map(
      {{"Name", str("build")},
       {"ServiceRole", str("role")},
       {"Artifacts", map({{"Type", str("NO_ARTIFACTS")}})},
       {"Source", map({{"Type", str("NO_SOURCE")}})},
       {"Environment",
        map({{"ComputeType", str("BUILD_GENERAL1_SMALL")},
             {"Image", str("aws/codebuild/standard:7.0")},
             {"Type", str("LINUX_CONTAINER")},
             {"EnvironmentVariables",
              ir::Expr::list({ir::Expr::forEach("instance", instances, variable, {})}, {})}})},
       {"Tags",
        ir::Expr::list({ir::Expr::forEach("instance", instances,
                                          map({{"Key", ir::Expr::loopItemRef("instance.name", {})},
                                               {"Value", str("x")}}),
                                          {})},
                       {})}});
  module.resources.push_back(project);
  WrittenModule written;
  writeTerraform(module, written);
  CHECK_FALSE(written.diagnostics.hasErrors());
  CHECK(written.tree.files().at("modules/m/main.tf") ==
        R"(resource "aws_codebuild_project" "build" {
  name         = "build"
  service_role = "role"
  artifacts {
    type = "NO_ARTIFACTS"
  }
  source {
    type = "NO_SOURCE"
  }
  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
    dynamic "environment_variable" {
      for_each = var.service_instances
      iterator = instance
      content {
        name  = instance.value.name
        value = (instance.key + 1)
      }
    }
  }
  tags = { for item in [for index, instance in var.service_instances : {
    Key   = instance.name
    Value = "x"
  }] : item.Key => item.Value }
}
)");
}
