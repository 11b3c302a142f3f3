// Finding the Proton variables a Terraform template reads, and the Proton variable declarations.
#include "frontend/hcl/hcl.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace pm;
using frontend::hcl::ProtonReference;
using frontend::hcl::ProtonReferenceKind;
using frontend::hcl::SyntaxTree;

namespace {

SyntaxTree parsed(const std::string& text) {
  ir::Diagnostics diagnostics;
  std::optional<SyntaxTree> tree = frontend::hcl::parseHcl("main.tf", text, diagnostics);
  REQUIRE(tree.has_value());
  return std::move(*tree);
}

std::string spanText(const SyntaxTree& tree, const ProtonReference& reference) {
  return tree.text().substr(reference.span.begin, reference.span.end - reference.span.begin);
}

} // namespace

TEST_CASE("hcl: Proton inputs, outputs and context values are found with their spans") {
  SyntaxTree tree =
      parsed("resource \"aws_vpc\" \"v\" {\n"
             "  cidr_block = var.environment.inputs.vpc_cidr\n"
             "  tags = { Name = \"${var.service.name}-${var.service_instance.name}\" }\n"
             "  topic = var.environment.outputs[\"SnsTopicArn\"]\n"
             "}\n");
  std::vector<ProtonReference> found = frontend::hcl::findProtonReferences(tree);
  REQUIRE(found.size() == 4);
  CHECK(found[0].kind == ProtonReferenceKind::Input);
  CHECK(found[0].scope() == "environment");
  CHECK(found[0].leaf() == "vpc_cidr");
  CHECK(spanText(tree, found[0]) == "var.environment.inputs.vpc_cidr");
  CHECK(found[0].location.str() == "main.tf:2:16");
  CHECK(found[1].kind == ProtonReferenceKind::Context);
  CHECK(found[1].dottedPath() == "service.name");
  CHECK(spanText(tree, found[1]) == "var.service.name");
  CHECK(found[2].dottedPath() == "service_instance.name");
  CHECK(found[3].kind == ProtonReferenceKind::EnvironmentOutput);
  CHECK(found[3].leaf() == "SnsTopicArn");
  CHECK(spanText(tree, found[3]) == "var.environment.outputs[\"SnsTopicArn\"]");
}

TEST_CASE("hcl: a Proton reference ends where Proton's part of the path ends") {
  SyntaxTree tree = parsed("a = var.environment.outputs.ids.0\nb = var.pipeline.inputs.x[0]\n");
  std::vector<ProtonReference> found = frontend::hcl::findProtonReferences(tree);
  REQUIRE(found.size() == 2);
  CHECK(spanText(tree, found[0]) == "var.environment.outputs.ids");
  CHECK(spanText(tree, found[1]) == "var.pipeline.inputs.x");
  CHECK(found[1].kind == ProtonReferenceKind::Input);
}

TEST_CASE("hcl: whole Proton objects, tags, instance lists and unknown paths are classified") {
  SyntaxTree tree = parsed("a = can(var.service_instance.components.default)\n"
                           "b = [for k, v in var.service_instance.components.default.outputs : k]\n"
                           "c = var.proton_tags\n"
                           "d = var.service_instances[*].name\n"
                           "e = var.environment.region\n"
                           "f = var.environment.inputs[local.key]\n"
                           "g = var.aws_region\n"
                           "h = var.service_instance.components.default.outputs.queue\n");
  std::vector<ProtonReference> found = frontend::hcl::findProtonReferences(tree);
  REQUIRE(found.size() == 7);
  CHECK(found[0].kind == ProtonReferenceKind::WholeObject);
  CHECK(found[1].kind == ProtonReferenceKind::WholeObject);
  CHECK(found[2].kind == ProtonReferenceKind::Tags);
  CHECK(found[3].kind == ProtonReferenceKind::InstanceList);
  CHECK(spanText(tree, found[3]) == "var.service_instances");
  CHECK(found[4].kind == ProtonReferenceKind::Unknown);
  CHECK(found[5].kind == ProtonReferenceKind::WholeObject);
  CHECK(spanText(tree, found[5]) == "var.environment.inputs");
  CHECK(found[6].kind == ProtonReferenceKind::ComponentOutput);
  CHECK(found[6].leaf() == "queue");
}

TEST_CASE("hcl: references inside index keys and heredocs are found too") {
  SyntaxTree tree = parsed("a = local.m[var.environment.inputs.k]\n"
                           "b = <<EOF\n${var.environment.name}\nEOF\n");
  std::vector<ProtonReference> found = frontend::hcl::findProtonReferences(tree);
  REQUIRE(found.size() == 2);
  CHECK(found[0].dottedPath() == "environment.inputs.k");
  CHECK(found[1].dottedPath() == "environment.name");
  CHECK(found[1].location.str() == "main.tf:3:3");
}

TEST_CASE("hcl: Proton variable declarations are found, other variables are not") {
  SyntaxTree tree = parsed("variable \"aws_region\" {\n  default = \"us-east-1\"\n}\n"
                           "variable \"environment\" {\n  type = object({ inputs = map(string) "
                           "})\n  default = null\n}\n"
                           "variable \"proton_tags\" {\n  type = map(string)\n}\n");
  std::vector<frontend::hcl::ProtonVariableDeclaration> found =
      frontend::hcl::findProtonVariableDeclarations(tree);
  REQUIRE(found.size() == 2);
  CHECK(found[0].name == "environment");
  CHECK(found[0].location.str() == "main.tf:4:1");
  std::string block =
      tree.text().substr(found[0].span.begin, found[0].span.end - found[0].span.begin);
  CHECK(block.starts_with("variable \"environment\" {"));
  CHECK(block.ends_with("default = null\n}"));
  CHECK(found[1].name == "proton_tags");
}
