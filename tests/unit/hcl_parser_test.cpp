// The HCL native-syntax reader: tokens, bodies, expressions, templates, locations and errors.
#include "frontend/hcl/hcl.h"
#include "frontend/hcl/lexer.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

using namespace pm;
using frontend::hcl::NodeId;
using frontend::hcl::NodeKind;
using frontend::hcl::SyntaxTree;

namespace {

SyntaxTree parsed(const std::string& text) {
  ir::Diagnostics diagnostics;
  std::optional<SyntaxTree> tree = frontend::hcl::parseHcl("test.tf", text, diagnostics);
  std::ostringstream printed;
  diagnostics.print(printed);
  REQUIRE_MESSAGE(tree.has_value(), printed.str());
  CHECK(tree->print() == text);
  CHECK(tree->wellNested(tree->root()));
  return std::move(*tree);
}

// The diagnostic of text that must not parse.
ir::Diagnostic parseError(const std::string& text) {
  ir::Diagnostics diagnostics;
  std::optional<SyntaxTree> tree = frontend::hcl::parseHcl("bad.tf", text, diagnostics);
  CHECK_FALSE(tree.has_value());
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all().front().ruleId == frontend::hcl::kHclSyntaxRule);
  return diagnostics.all().front();
}

// The value of the file's only attribute `x = ...`.
NodeId valueOf(const SyntaxTree& tree) {
  NodeId attribute = tree.items(tree.root()).front();
  REQUIRE(tree.node(attribute).kind == NodeKind::Attribute);
  return tree.node(attribute).children.front();
}

NodeKind kindOf(const SyntaxTree& tree, NodeId id) {
  return tree.node(id).kind;
}

} // namespace

TEST_CASE("hcl: attributes and blocks with labels keep their names and locations") {
  SyntaxTree tree = parsed("# header\nregion = \"us-east-1\"\n\nresource \"aws_s3_bucket\" "
                           "\"b\" {\n  bucket = var.name\n  versioning {\n    enabled = true\n  "
                           "}\n}\n");
  std::vector<NodeId> items = tree.items(tree.root());
  REQUIRE(items.size() == 2);
  CHECK(tree.name(items[0]) == "region");
  CHECK(tree.location(items[0]).str() == "test.tf:2:1");
  CHECK(tree.name(items[1]) == "resource");
  CHECK(tree.blockLabels(items[1]) == std::vector<std::string>{"aws_s3_bucket", "b"});
  std::vector<NodeId> inner = tree.items(tree.blockBody(items[1]));
  REQUIRE(inner.size() == 2);
  CHECK(tree.sourceText(inner[0]) == "bucket = var.name");
  CHECK(tree.location(inner[1]).str() == "test.tf:6:3");
  CHECK(kindOf(tree, inner[1]) == NodeKind::Block);
}

TEST_CASE("hcl: one-line blocks, identifier labels and empty blocks") {
  SyntaxTree tree = parsed("terraform {}\nlocals { a = 1 }\nprovider aws {\n}\n");
  std::vector<NodeId> items = tree.items(tree.root());
  REQUIRE(items.size() == 3);
  CHECK(tree.items(tree.blockBody(items[0])).empty());
  CHECK(tree.items(tree.blockBody(items[1])).size() == 1);
  CHECK(tree.blockLabels(items[2]) == std::vector<std::string>{"aws"});
}

TEST_CASE("hcl: blocks are found by type and labels, attributes by name") {
  SyntaxTree tree = parsed("provider \"aws\" {\n  region = \"x\"\n  default_tags {\n    tags = "
                           "var.proton_tags\n  }\n}\nprovider \"awscc\" {}\n"
                           "resource \"a\" \"b\" {}\n");
  std::vector<NodeId> aws = tree.blocks(tree.root(), "provider", {"aws"});
  REQUIRE(aws.size() == 1);
  CHECK(tree.blocks(tree.root(), "provider").size() == 2);
  CHECK(tree.blocks(tree.root(), "resource", {"a", "b", "c"}).empty());
  std::vector<NodeId> tagBlocks = tree.blocks(tree.blockBody(aws[0]), "default_tags");
  REQUIRE(tagBlocks.size() == 1);
  std::optional<NodeId> tags = tree.attribute(tree.blockBody(tagBlocks[0]), "tags");
  REQUIRE(tags.has_value());
  CHECK(tree.sourceText(tree.node(*tags).children[0]) == "var.proton_tags");
  CHECK_FALSE(tree.attribute(tree.blockBody(aws[0]), "profile").has_value());
}

TEST_CASE("hcl: binary operators follow HCL precedence") {
  SyntaxTree tree = parsed("x = a || b && c == d + e * f\n");
  NodeId top = valueOf(tree);
  REQUIRE(kindOf(tree, top) == NodeKind::Binary);
  CHECK(tree.sourceText(tree.node(top).children[0]) == "a");
  NodeId andNode = tree.node(top).children[1];
  CHECK(tree.sourceText(andNode) == "b && c == d + e * f");
  NodeId equality = tree.node(andNode).children[1];
  CHECK(tree.sourceText(equality) == "c == d + e * f");
  NodeId sum = tree.node(equality).children[1];
  CHECK(tree.sourceText(tree.node(sum).children[1]) == "e * f");
}

TEST_CASE("hcl: operators are left-associative and unary binds tighter") {
  SyntaxTree tree = parsed("x = -a - b - !c.d\n");
  NodeId top = valueOf(tree);
  CHECK(tree.sourceText(tree.node(top).children[0]) == "-a - b");
  NodeId right = tree.node(top).children[1];
  CHECK(kindOf(tree, right) == NodeKind::Unary);
  CHECK(kindOf(tree, tree.node(right).children[0]) == NodeKind::GetAttr);
}

TEST_CASE("hcl: conditionals nest to the right") {
  SyntaxTree tree = parsed("x = a ? b : c ? d : e\n");
  NodeId top = valueOf(tree);
  REQUIRE(kindOf(tree, top) == NodeKind::Conditional);
  CHECK(tree.sourceText(tree.node(top).children[2]) == "c ? d : e");
}

TEST_CASE("hcl: traversals with attributes, indexes, legacy indexes and splats") {
  SyntaxTree tree = parsed("x = aws_subnet.private[*].id\ny = var.list.0.name\n"
                           "z = data.x.y[\"k\"].a.*.b\n");
  NodeId x = valueOf(tree);
  CHECK(kindOf(tree, x) == NodeKind::GetAttr);
  CHECK(tree.name(x) == "id");
  NodeId splat = tree.node(x).children[0];
  CHECK(kindOf(tree, splat) == NodeKind::Splat);
  CHECK(tree.sourceText(splat) == "aws_subnet.private[*]");
  NodeId y = tree.node(tree.items(tree.root())[1]).children[0];
  CHECK(tree.name(tree.node(y).children[0]) == "0");
}

TEST_CASE("hcl: collections, objects with both separators and function calls") {
  SyntaxTree tree = parsed("x = merge(local.tags, {\n  Name = \"a\", \"b\" : 2\n  (k) = [1, 2,\n"
                           "  3,]\n}, list...)\n");
  NodeId call = valueOf(tree);
  REQUIRE(kindOf(tree, call) == NodeKind::FunctionCall);
  CHECK(tree.name(call) == "merge");
  REQUIRE(tree.node(call).children.size() == 3);
  NodeId object = tree.node(call).children[1];
  REQUIRE(kindOf(tree, object) == NodeKind::Object);
  CHECK(tree.node(object).children.size() == 3);
  NodeId third = tree.node(object).children[2];
  CHECK(kindOf(tree, tree.node(third).children[0]) == NodeKind::Parenthesized);
  CHECK(tree.node(tree.node(third).children[1]).children.size() == 3);
}

TEST_CASE("hcl: provider-namespaced function calls") {
  SyntaxTree tree = parsed("x = provider::aws::arn_parse(var.arn).region\n");
  NodeId top = valueOf(tree);
  CHECK(kindOf(tree, tree.node(top).children[0]) == NodeKind::FunctionCall);
}

TEST_CASE("hcl: for expressions over tuples and objects") {
  SyntaxTree tree = parsed("a = [for s in var.list : upper(s) if s != \"\"]\n"
                           "b = {for k, v in var.map : k => v...}\n"
                           "c = [\n  for x in y :\n  x\n]\n");
  std::vector<NodeId> items = tree.items(tree.root());
  NodeId a = tree.node(items[0]).children[0];
  CHECK(kindOf(tree, a) == NodeKind::ForTuple);
  CHECK(tree.node(a).children.size() == 3);
  NodeId b = tree.node(items[1]).children[0];
  CHECK(kindOf(tree, b) == NodeKind::ForObject);
  CHECK(tree.node(b).children.size() == 3);
  CHECK(kindOf(tree, tree.node(items[2]).children[0]) == NodeKind::ForTuple);
}

TEST_CASE("hcl: an object key named for is not a for expression") {
  SyntaxTree tree = parsed("x = { for = 1 }\n");
  CHECK(kindOf(tree, valueOf(tree)) == NodeKind::Object);
}

TEST_CASE("hcl: quoted templates with interpolations, directives and escapes") {
  SyntaxTree tree = parsed("x = \"${var.a}-b $${literal} %{ if c }yes%{ else }no%{ endif }"
                           "%{~ for i in l ~}${i}%{ endfor }\\\"q\\n\"\n");
  NodeId value = valueOf(tree);
  REQUIRE(kindOf(tree, value) == NodeKind::Template);
  std::vector<NodeId> parts = tree.node(value).children;
  REQUIRE(parts.size() == 5);
  CHECK(kindOf(tree, parts[0]) == NodeKind::Interpolation);
  CHECK(tree.sourceText(parts[1]) == "-b $${literal} ");
  CHECK(kindOf(tree, parts[2]) == NodeKind::TemplateIf);
  CHECK(tree.node(parts[2]).children.size() == 3);
  CHECK(kindOf(tree, parts[3]) == NodeKind::TemplateFor);
  CHECK_FALSE(tree.literalString(value).has_value());
}

TEST_CASE("hcl: a literal string decodes its escapes") {
  SyntaxTree tree = parsed("x = \"a\\tb\\u00e9 $${x} \\\\\"\n");
  CHECK(tree.literalString(valueOf(tree)) == std::string("a\tb\xc3\xa9 ${x} \\"));
}

TEST_CASE("hcl: heredocs, indented heredocs and interpolation inside them") {
  SyntaxTree tree = parsed("policy = <<EOF\n{\n  \"a\": \"${var.x}\"\n}\nEOF\n"
                           "script = <<-EOT\n    echo hi\n      indented\n    EOT\nafter = 1\n");
  std::vector<NodeId> items = tree.items(tree.root());
  REQUIRE(items.size() == 3);
  NodeId policy = tree.node(items[0]).children[0];
  CHECK(kindOf(tree, policy) == NodeKind::Heredoc);
  CHECK(tree.node(policy).children.size() == 5); // a literal per line, and the interpolation
  NodeId script = tree.node(items[1]).children[0];
  CHECK(tree.literalString(script) == std::string("echo hi\n  indented\n"));
  CHECK(tree.location(items[2]).str() == "test.tf:10:1");
}

TEST_CASE("hcl: comments of all three forms are trivia") {
  SyntaxTree tree =
      parsed("// a\n# b\n/* c\n d */ x = 1 # e\ny = [ /* f */ 2, // g\n 3]\n/* end */");
  CHECK(tree.items(tree.root()).size() == 2);
  CHECK(tree.location(tree.items(tree.root())[0]).str() == "test.tf:4:7");
}

TEST_CASE("hcl: CRLF line endings round-trip") {
  SyntaxTree tree = parsed("a = 1\r\nb {\r\n  c = <<EOF\r\nx\r\nEOF\r\n}\r\n");
  CHECK(tree.items(tree.root()).size() == 2);
}

TEST_CASE("hcl: node spans are byte ranges of the source") {
  std::string text = "a = foo(1, \"x\")\n";
  SyntaxTree tree = parsed(text);
  frontend::hcl::Span span = tree.span(valueOf(tree));
  CHECK(span.begin == 4);
  CHECK(span.end == 15);
}

TEST_CASE("hcl: syntax errors are located diagnostics") {
  CHECK(parseError("a = \n").location.str() == "bad.tf:1:5");
  CHECK(parseError("a = \"open\nb = 1\n").location.str() == "bad.tf:1:5");
  CHECK(parseError("resource \"x\" {\n  a = 1\n").location.line == 3);
  CHECK(parseError("a = [1, 2\n").location.line == 2);
  CHECK(parseError("x = <<EOF\nnever closed\n").location.line == 3);
  CHECK(parseError("a = 1 b = 2\n").location.str() == "bad.tf:1:7");
  CHECK(parseError("}\n").location.str() == "bad.tf:1:1");
  CHECK(parseError("a = 1 ? 2\n").location.str() == "bad.tf:1:10");
  CHECK(parseError("resource \"a${b}\" {}\n").location.line == 1);
  CHECK(parseError("a = \"%{ if x }y\"\n").location.line == 1);
  CHECK(parseError("/* never closed\n").location.str() == "bad.tf:1:1");
  CHECK(parseError(std::string("a = 1\n\x01\n")).location.str() == "bad.tf:2:1");
  CHECK(parseError(std::string("a = \"x\"\0", 8)).location.line == 1);
}

TEST_CASE("hcl: deep nesting is refused, not recursed into") {
  std::string deep = "a = " + std::string(5000, '[') + std::string(5000, ']') + "\n";
  CHECK(parseError(deep).message.find("nesting") != std::string::npos);
  std::string deepStrings = "a = ";
  for (int i = 0; i < 2000; ++i)
    deepStrings += "\"${";
  CHECK(parseError(deepStrings).message.find("nesting") != std::string::npos);
  std::string longSum = "a = 1";
  for (int i = 0; i < 20000; ++i)
    longSum += " + 1";
  CHECK(parseError(longSum + "\n").message.find("chain") != std::string::npos);
  std::string longTraversal = "a = b";
  for (int i = 0; i < 20000; ++i)
    longTraversal += ".c";
  CHECK(parseError(longTraversal + "\n").message.find("chain") != std::string::npos);
  std::string deepBlocks;
  for (int i = 0; i < 2000; ++i)
    deepBlocks += "b {\n";
  CHECK(parseError(deepBlocks).message.find("nesting") != std::string::npos);
}

TEST_CASE("hcl: an error prints the file, line, column, rule and source line") {
  ir::Diagnostics diagnostics;
  CHECK_FALSE(frontend::hcl::parseHcl("m.tf", "a = 1\nb = )\n", diagnostics));
  std::ostringstream printed;
  diagnostics.print(printed);
  CHECK(printed.str().find("m.tf:2:5: error: ") == 0);
  CHECK(printed.str().find("[PRS002]") != std::string::npos);
  CHECK(printed.str().find("b = )") != std::string::npos);
}
