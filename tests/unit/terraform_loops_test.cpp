// Parametric loops in the terraform backend: a resource per service instance keyed by its name,
// dynamic blocks and for expressions reading it, the typed instance list, guards as filters.
#include "terraform_module_support.h"

#include <doctest/doctest.h>

using namespace pm;
using test::map;
using test::str;
using test::writeTerraform;
using test::WrittenModule;

namespace {

ir::ExprPtr instances() {
  return ir::Expr::contextRef("service_instances", {});
}

ir::Input instanceList() {
  ir::Input list;
  list.name = "service_instances";
  list.isContext = true;
  list.type = ir::InputType::List;
  list.itemType = ir::InputType::Object;
  ir::Input name;
  name.name = "name";
  ir::Input inputs;
  inputs.name = "inputs";
  inputs.type = ir::InputType::Object;
  ir::Input batch;
  batch.name = "batch_size";
  batch.type = ir::InputType::Number;
  inputs.fields.push_back(batch);
  list.fields = {name, inputs};
  return list;
}

// Deploy${loop.index}Project, one per instance, as the corpus pipelines write it.
ir::Resource deployProject() {
  ir::Resource project;
  project.logicalId = "Deploy${loop.index}Project";
  project.type = "AWS::SQS::Queue";
  project.properties =
      map({{"QueueName", ir::Expr::loopItemRef("service_instance.name", {})},
           {"DelaySeconds", ir::Expr::loopItemRef("service_instance.inputs.batch_size", {})},
           {"MaximumMessageSize", ir::Expr::loopItemRef("loop.index", {})}});
  project.loop = ir::ResourceLoop{"service_instance", instances(), {}};
  return project;
}

// A pipeline module with the instance list and a project per instance.
ir::Module pipelineModule() {
  ir::Module module;
  module.name = "m";
  module.inputs.push_back(instanceList());
  module.resources.push_back(deployProject());
  return module;
}

} // namespace

TEST_CASE("a resource per service instance is one block keyed by the instance's name") {
  ir::Module module = pipelineModule();
  ir::Output output;
  output.name = "Queues";
  output.value = ir::Expr::ref("Deploy${loop.index}Project", {});
  module.outputs.push_back(output);
  WrittenModule written;
  writeTerraform(module, written);
  CHECK_FALSE(written.diagnostics.hasErrors());
  const std::string& main = written.tree.files().at("modules/m/main.tf");
  CHECK(main.find("for_each = { for service_instance in var.service_instances : "
                  "service_instance.name => service_instance }") != std::string::npos);
  CHECK(main.find("name             = each.value.name") != std::string::npos);
  CHECK(main.find("delay_seconds    = each.value.inputs.batch_size") != std::string::npos);
  CHECK(main.find("max_message_size = (index(var.service_instances[*].name, each.key) + "
                  "1)") != std::string::npos);
  // From outside the loop: every instance's queue, in key order.
  CHECK(written.tree.files()
            .at("modules/m/outputs.tf")
            .find("values(aws_sqs_queue.deploy_loop_index_project)[*].url") != std::string::npos);
}

TEST_CASE("the instance list is a typed variable with the fields the templates read") {
  ir::Module module = pipelineModule();
  WrittenModule written;
  writeTerraform(module, written);
  const std::string& variables = written.tree.files().at("modules/m/variables.tf");
  CHECK(variables.find("type        = list(object({ name = string, inputs = object({ "
                       "batch_size = number }) }))") != std::string::npos);
}

TEST_CASE("a list item per instance that names the instance's resource reads it by key") {
  ir::Module module = pipelineModule();
  ir::Resource topic;
  topic.logicalId = "Topic";
  topic.type = "AWS::SNS::Topic";
  ir::ExprPtr queueUrl = ir::Expr::ref("Deploy${loop.index}Project", {});
  topic.properties =
      map({{"Subscription",
            ir::Expr::list(
                {ir::Expr::forEach("service_instance", instances(),
                                   map({{"Endpoint", queueUrl}, {"Protocol", str("sqs")}}), {})},
                {})}});
  module.resources.push_back(topic);
  WrittenModule written;
  writeTerraform(module, written);
  CHECK_FALSE(written.diagnostics.hasErrors());
  const std::string& main = written.tree.files().at("modules/m/main.tf");
  CHECK(main.find("aws_sqs_queue.deploy_loop_index_project[service_instance.name].url") !=
        std::string::npos);
}

TEST_CASE("a guarded resource per instance filters the instances instead of counting") {
  ir::Module module = pipelineModule();
  module.guards.push_back(ir::GuardVariable{"Guard1", ir::Expr::inputRef("enabled", {}), {}});
  module.resources[0].guards.push_back(ir::Guard{"Guard1", true});
  WrittenModule written;
  writeTerraform(module, written);
  const std::string& main = written.tree.files().at("modules/m/main.tf");
  CHECK(main.find("count") == std::string::npos);
  CHECK(main.find("service_instance.name => service_instance if local.guard1 }") !=
        std::string::npos);
}

TEST_CASE("a loop counter outside any loop is a located error, not invalid HCL") {
  ir::Module module;
  module.name = "m";
  ir::Resource queue;
  queue.logicalId = "Queue";
  queue.type = "AWS::SQS::Queue";
  queue.properties = map({{"QueueName", ir::Expr::loopItemRef("loop.index", {})}});
  module.resources.push_back(queue);
  WrittenModule written;
  writeTerraform(module, written);
  CHECK(written.diagnostics.hasErrors());
}
