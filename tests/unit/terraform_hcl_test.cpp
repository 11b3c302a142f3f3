// The HCL emitter prints what `terraform fmt` prints (the expected texts were checked with
// terraform fmt 1.x: it leaves them unchanged).
#include "backends/terraform/hcl_document.h"

#include <doctest/doctest.h>

using namespace pm::tf;

TEST_CASE("terraform fmt alignment: single-line attributes align, multi-line values break runs") {
  HclFile file;
  HclBody& role = file.block("resource", {"aws_iam_role", "role"});
  role.attribute("count", HclExpr::raw("local.guard1 ? 1 : 0"));
  role.blankLine();
  HclExprPtr statement = HclExpr::object({
      {"Effect", hclString("Allow")},
      {"Action", HclExpr::tuple({hclString("sts:AssumeRole")})},
      {"Principal", HclExpr::object({{"Service", hclString("ecs.amazonaws.com")}})},
      {"aws:Key", hclString("x")},
  });
  role.attribute("assume_role_policy",
                 hclCall("jsonencode", {HclExpr::object({
                                           {"Version", hclString("2012-10-17")},
                                           {"Statement", HclExpr::tuple({statement})},
                                       })}));
  role.attribute("name", HclExpr::raw("\"${var.service_name}-role\""));
  role.attribute("tags",
                 HclExpr::object({{"Name", hclString("x")}, {"(var.key)", hclString("y")}}));
  role.attribute("a", hclConditional(HclExpr::raw("local.x"),
                                     HclExpr::object({{"b", HclExpr::raw("1")}}), hclNull()));
  HclBody& policy = role.block("inline_policy");
  policy.attribute("name", hclString("p"));
  policy.attribute("policy", hclString("x"));
  role.blankLine();
  role.attribute("depends_on", HclExpr::tuple({HclExpr::raw("aws_vpc.main")}));
  role.blankLine();
  role.comment("DeletionPolicy Retain");
  role.block("lifecycle").attribute("prevent_destroy", HclExpr::raw("true"));
  file.block("data", {"aws_region", "current"});

  CHECK(file.print() == R"(resource "aws_iam_role" "role" {
  count = local.guard1 ? 1 : 0

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Action = ["sts:AssumeRole"]
        Principal = {
          Service = "ecs.amazonaws.com"
        }
        "aws:Key" = "x"
      },
    ]
  })
  name = "${var.service_name}-role"
  tags = {
    Name      = "x"
    (var.key) = "y"
  }
  a = local.x ? {
    b = 1
  } : null
  inline_policy {
    name   = "p"
    policy = "x"
  }

  depends_on = [aws_vpc.main]

  # DeletionPolicy Retain
  lifecycle {
    prevent_destroy = true
  }
}

data "aws_region" "current" {}
)");
}

TEST_CASE("HCL strings escape quotes, backslashes, newlines and template openers") {
  CHECK(hclString("a\"b\\c\nd")->text() == R"("a\"b\\c\nd")");
  CHECK(hclString("${x} %{y} $z")->text() == R"("$${x} %%{y} $z")");
}

TEST_CASE("HCL numbers accept what HCL parses and refuse the rest") {
  CHECK(hclNumber("10") == "10");
  CHECK(hclNumber("-1.5e3") == "-1.5e3");
  CHECK(hclNumber("010").empty());
  CHECK(hclNumber("1.").empty());
  CHECK(hclNumber("abc").empty());
}

TEST_CASE("object keys that are not identifiers are quoted") {
  HclFile file;
  file.block("locals").attribute(
      "m", HclExpr::object({{"us-east-1", hclString("a")}, {"1x", hclString("b")}}));
  CHECK(file.print() ==
        "locals {\n  m = {\n    us-east-1 = \"a\"\n    \"1x\"      = \"b\"\n  }\n}\n");
}
