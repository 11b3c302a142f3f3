// Span edits: the rewriting a backend does to turn a Proton Terraform file into a plain module.
#include "frontend/hcl/hcl.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace pm;
using frontend::hcl::Span;
using frontend::hcl::SpanEdit;

TEST_CASE("hcl: span edits apply in any order and refuse overlaps") {
  std::string text = "abcdef";
  CHECK(frontend::hcl::applySpanEdits(text, {{{4, 5}, "E"}, {{0, 2}, ""}}) == "cdEf");
  CHECK(frontend::hcl::applySpanEdits(text, {{{3, 3}, "+"}}) == "abc+def");
  CHECK_FALSE(frontend::hcl::applySpanEdits(text, {{{0, 3}, ""}, {{2, 4}, ""}}));
  CHECK_FALSE(frontend::hcl::applySpanEdits(text, {{{5, 9}, ""}}));
}

TEST_CASE("hcl: a dropped block takes its whole lines with it") {
  std::string text = "a = 1\n  b {}  \nc = 2\n";
  CHECK(frontend::hcl::wholeLines(text, {8, 12}) == Span{6, 15});
  CHECK(frontend::hcl::wholeLines(text, {0, 1}) == Span{0, 1}); // not alone on its line
}

TEST_CASE("hcl: Proton references and declarations rewrite into a plain module that parses") {
  std::string text = "variable \"environment\" {\n  type = any\n}\n\n"
                     "resource \"aws_sqs_queue\" \"q\" {\n"
                     "  name = \"${var.environment.name}-${var.environment.inputs.queue}\"\n"
                     "  delay_seconds = var.environment.inputs[\"delay\"]\n}\n";
  ir::Diagnostics diagnostics;
  std::optional<frontend::hcl::SyntaxTree> tree =
      frontend::hcl::parseHcl("main.tf", text, diagnostics);
  REQUIRE(tree.has_value());
  std::vector<SpanEdit> edits;
  for (const frontend::hcl::ProtonReference& reference : frontend::hcl::findProtonReferences(*tree))
    edits.push_back({reference.span, "var." + reference.scope() + "_" + reference.leaf()});
  for (const frontend::hcl::ProtonVariableDeclaration& declaration :
       frontend::hcl::findProtonVariableDeclarations(*tree))
    edits.push_back({frontend::hcl::wholeLines(text, declaration.span), ""});
  std::optional<std::string> plain = frontend::hcl::applySpanEdits(text, edits);
  REQUIRE(plain.has_value());
  CHECK(*plain == "\nresource \"aws_sqs_queue\" \"q\" {\n"
                  "  name = \"${var.environment_name}-${var.environment_queue}\"\n"
                  "  delay_seconds = var.environment_delay\n}\n");
  CHECK(frontend::hcl::parseHcl("plain.tf", *plain, diagnostics).has_value());
}
